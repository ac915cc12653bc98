package io.outsidein.gateway.auth;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling and which public path they called, for the forwarding of this request. */
@RequestScoped
public class CallContext {
  private Caller caller;
  private String publicPath;

  void set(Caller caller, String publicPath) {
    this.caller = caller;
    this.publicPath = publicPath;
  }

  public Caller caller() {
    return caller;
  }

  /** The caller's name sent to the services as X-Actor: a key's client, or a person. */
  public String actor() {
    return caller == null ? null : caller.actor();
  }

  public String publicPath() {
    return publicPath;
  }
}
