package io.outsidein.gateway.auth;

import io.outsidein.testing.StubIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the gateway at a {@link StubIssuer} and hands the issuer to the test's {@code StubIssuer}
 * field, to sign its tokens. The issuer's {@code team-lead} role is a supervisor here, as an
 * identity provider with its own role names would be configured.
 */
public class SignInIssuer implements QuarkusTestResourceLifecycleManager {
  private StubIssuer issuer;

  @Override
  public Map<String, String> start() {
    issuer = StubIssuer.start();
    return Map.of(
        "outsidein.gateway.sign-in.issuer",
        issuer.url(),
        "outsidein.gateway.sign-in.roles.supervisor",
        "supervisor,team-lead");
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(issuer, new TestInjector.MatchesType(StubIssuer.class));
  }

  @Override
  public void stop() {
    if (issuer != null) {
      issuer.close();
    }
  }
}
