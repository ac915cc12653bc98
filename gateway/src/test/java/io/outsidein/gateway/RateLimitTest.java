package io.outsidein.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.outsidein.gateway.auth.Role;
import io.outsidein.gateway.fake.FakeServices;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each API key has a token bucket sized by its role; an empty bucket answers 429. */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitTest {

  public static class TinyLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "outsidein.gateway.rate-limit.requests-per-minute.analyst", "3",
          "outsidein.gateway.rate-limit.requests-per-minute.supervisor", "5");
    }
  }

  @Test
  void countsDownInTheHeadersThenAnswers429WithRetryAfter() {
    for (int remaining = 2; remaining >= 0; remaining--) {
      given()
          .header("Authorization", TestKeys.bearer(Role.ANALYST))
          .when()
          .get("/api/v1/insights/segments")
          .then()
          .statusCode(200)
          .header("RateLimit-Limit", "3")
          .header("RateLimit-Remaining", String.valueOf(remaining))
          .header("RateLimit-Reset", notNullValue());
    }
    Response refused =
        given()
            .header("Authorization", TestKeys.bearer(Role.ANALYST))
            .when()
            .get("/api/v1/insights/segments");
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("status", equalTo(429))
        .header("RateLimit-Limit", "3")
        .header("RateLimit-Remaining", "0");
    // Three per minute: one token comes back within about twenty seconds.
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 20L);
    assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(1L, 60L);
  }

  @Test
  void givesEachKeyItsOwnBucketSizedByItsRole() {
    given()
        .header("Authorization", TestKeys.bearer(Role.SUPERVISOR))
        .when()
        .get("/api/v1/gestures")
        .then()
        .header("RateLimit-Limit", "5")
        .header("RateLimit-Remaining", "4");
  }
}
