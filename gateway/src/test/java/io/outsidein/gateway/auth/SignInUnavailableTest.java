package io.outsidein.gateway.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.outsidein.gateway.TestKeys;
import io.outsidein.gateway.fake.FakeServices;
import io.outsidein.testing.StubIssuer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identity provider cannot be reached: the gateway still starts, a token it cannot check is a
 * 503 problem to retry (the token may be valid), and API keys keep working.
 */
@QuarkusTest
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = UnreachableIssuer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SignInUnavailableTest {
  /** Signs well-formed tokens; the gateway is pointed elsewhere and can fetch no keys. */
  private static StubIssuer signer;

  @BeforeAll
  static void startSigner() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    signer = StubIssuer.start();
  }

  @AfterAll
  static void stopSigner() {
    signer.close();
  }

  @Test
  void answersATokenItCannotCheckWith503AndRetryAfter() {
    String token = signer.sign(signer.person("ada.agent", "agent").issuer(UnreachableIssuer.URL));

    SignInTest.register("Authorization", "Bearer " + token)
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "5")
        .header("X-Request-Id", notNullValue())
        .body("status", equalTo(503))
        .body("detail", equalTo("sign-in tokens cannot be checked right now; retry later"));
  }

  @Test
  void keepsAcceptingApiKeys() {
    SignInTest.register("Authorization", TestKeys.bearer(Role.AGENT))
        .statusCode(201)
        .body("actor", equalTo("test-agent"));
  }
}
