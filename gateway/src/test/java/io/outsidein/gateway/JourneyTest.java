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
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The composite journey: parallel parts, degradation, unknown and merged customers. */
@QuarkusTest
@QuarkusTestResource(value = FakeServices.class, restrictToAnnotatedClass = true)
class JourneyTest {

  @Test
  void composesTheCustomerInsightsOpenCasesAndTimeline() {
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
        .body("degraded", empty());
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
