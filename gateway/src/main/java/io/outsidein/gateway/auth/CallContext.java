package io.outsidein.gateway.auth;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling and which public path they called, for the forwarding of this request. */
@RequestScoped
public class CallContext {
  private Client client;
  private String publicPath;

  void set(Client client, String publicPath) {
    this.client = client;
    this.publicPath = publicPath;
  }

  public Client client() {
    return client;
  }

  /** The client name sent to the services as X-Actor. */
  public String actor() {
    return client == null ? null : client.name();
  }

  public String publicPath() {
    return publicPath;
  }
}
