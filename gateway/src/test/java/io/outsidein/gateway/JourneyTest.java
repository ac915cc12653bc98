package io.outsidein.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.gateway.auth.Role;
import io.outsidein.gateway.fake.Fake;
import io.outsidein.gateway.fake.FakeServices;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The composite journey: parallel parts, degradation, unknown and merged customers. */
@QuarkusTest
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class JourneyTest {

  @Test
  void composesTheCustomerInsightsOpenCasesTimelineAndTheCallersGoodwill() {
    given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .when()
        .get("/api/v1/customers/{id}/journey", Fake.CUSTOMER)
        .then()
        .statusCode(200)
        .body("customer.id", equalTo(Fake.CUSTOMER.toString()))
        .body("insights.healthScore", equalTo(81))
        .body("openCases[0].status", equalTo("OPEN"))
        .body("timeline[0].channel", equalTo("PHONE"))
        // The fake echoes what it was asked: the standing is the caller's own.
        .body("goodwill.path", equalTo("/customers/" + Fake.CUSTOMER + "/goodwill"))
        .body("goodwill.actor", equalTo("test-agent"))
        .body("degraded", empty());
  }

  @Test
  void namesAFailingGoodwillStandingAsDegraded() {
    journey(Fake.FAILING_GOODWILL)
        .body("goodwill", nullValue())
        .body("timeline", not(empty()))
        .body("degraded", contains("goodwill"));
  }

  @Test
  void answersWithinTheBoundAndNamesASlowPartAsDegraded() {
    given()
        .header("Authorization", TestKeys.bearer(Role.SUPERVISOR))
        .when()
        .get("/api/v1/customers/{id}/journey", Fake.SLOW_INSIGHT)
        .then()
        .time(lessThan(1500L))
        .statusCode(200)
        .body("customer.id", equalTo(Fake.SLOW_INSIGHT.toString()))
        .body("insights", nullValue())
        .body("timeline", not(empty()))
        .body("degraded", contains("insights"));
  }

  @Test
  void namesAFailingPartAsDegraded() {
    given()
        .header("Authorization", TestKeys.bearer(Role.ANALYST))
        .when()
        .get("/api/v1/customers/{id}/journey", Fake.FAILING_INSIGHT)
        .then()
        .statusCode(200)
        .body("insights", nullValue())
        .body("degraded", contains("insights"));
  }

  @Test
  void aFewFailedCallsInARowDoNotTakeAPartAwayFromEveryJourney() {
    journey(Fake.CUSTOMER).body("degraded", empty());
    for (int i = 0; i < 3; i++) {
      journey(Fake.FAILING_INSIGHT).body("degraded", contains("insights"));
    }

    journey(Fake.CUSTOMER).body("insights.healthScore", equalTo(81)).body("degraded", empty());
  }

  @Test
  void aPartThatKeepsFailingIsLeftOutUntilItsBreakerTriesAgain() {
    for (int i = 0; i < 20; i++) {
      journey(Fake.FAILING_INSIGHT).body("degraded", contains("insights"));
    }

    // insight-service would answer for this customer: the open breaker does not ask it.
    journey(Fake.CUSTOMER).body("insights", nullValue()).body("degraded", contains("insights"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> journey(Fake.CUSTOMER).body("degraded", empty()));
  }

  private static ValidatableResponse journey(UUID customer) {
    return given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .when()
        .get("/api/v1/customers/{id}/journey", customer)
        .then()
        .statusCode(200);
  }

  @Test
  void answers404ProblemForAnUnknownCustomer() {
    given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .when()
        .get("/api/v1/customers/{id}/journey", Fake.UNKNOWN)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("instance", equalTo("/api/v1/customers/" + Fake.UNKNOWN + "/journey"));
  }

  @Test
  void answersAMergedCustomerWithTheSurvivorsJourney() {
    given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .when()
        .get("/api/v1/customers/{id}/journey", Fake.MERGED)
        .then()
        .statusCode(200)
        .body("customer.id", equalTo(Fake.CUSTOMER.toString()))
        .body("insights.customerId", equalTo(Fake.CUSTOMER.toString()));
  }

  @Test
  void answers503WhenCustomerServiceFails() {
    given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .when()
        .get("/api/v1/customers/{id}/journey", Fake.FAILING)
        .then()
        .statusCode(503)
        .contentType("application/problem+json");
  }

  @Test
  void refusesTheJourneyToAnIntegration() {
    given()
        .header("Authorization", TestKeys.bearer(Role.INTEGRATION))
        .when()
        .get("/api/v1/customers/{id}/journey", UUID.randomUUID())
        .then()
        .statusCode(403);
  }
}
