package io.outsidein.kit.http;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plain-text HTTP stays HTTP/1.1: a client that offers {@code Upgrade: h2c} with a request body
 * (Java's HttpClient does by default) made the server read the body during the upgrade, and the
 * request then failed with a 500. HTTP/2 over TLS (ALPN) is unaffected.
 */
@ApplicationScoped
public class NoClearTextHttp2 implements HttpServerOptionsCustomizer {
  @Override
  public void customizeHttpServer(HttpServerOptions options) {
    options.setHttp2ClearTextEnabled(false);
  }
}
