package io.outsidein.gateway.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** An issuer nobody answers for: port 9 of the loopback refuses every connection at once. */
public class UnreachableIssuer implements QuarkusTestResourceLifecycleManager {
  static final String URL = "http://127.0.0.1:9/realms/outside-in";

  @Override
  public Map<String, String> start() {
    return Map.of("outsidein.gateway.sign-in.issuer", URL);
  }

  @Override
  public void stop() {}
}
