package io.outsidein.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway with Vert.x's own URI check off, read once when Vert.x starts: it answers an
 * invalid request target with a bare 400, where {@code http.RequestGate} answers a problem. (Tests
 * set the same property in the surefire configuration.)
 */
@QuarkusMain
public final class GatewayMain {
  static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

  public static void main(String... args) {
    System.setProperty(DISABLE_URI_VALIDATION, "true");
    Quarkus.run(args);
  }
}
