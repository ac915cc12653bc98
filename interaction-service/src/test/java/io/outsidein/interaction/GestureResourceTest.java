package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.grant;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.ServiceMetrics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GestureResourceTest {

  private static String status(String gestureId) {
    return given().get("/gestures/{id}", gestureId).then().statusCode(200).extract().path("status");
  }

  private static void decide(String gestureId, boolean approve, int expectedStatus) {
    given()
        .contentType(ContentType.JSON)
        .header("X-Actor", "supervisor-desk")
        .body(Map.of("approve", approve, "note", "checked"))
        .when()
        .post("/gestures/{id}/decision", gestureId)
        .then()
        .statusCode(expectedStatus);
  }

  @Test
  void approvesAtOnceUpToTheLatitudeAndAsksASupervisorAboveIt() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    given()
        .contentType(ContentType.JSON)
        .header("X-Actor", "agent-desk")
        .body(Map.of("amount", Map.of("value", "25.00", "currency", "EUR"), "reason", "late"))
        .when()
        .post("/cases/{id}/gestures", caseId)
        .then()
        .statusCode(201)
        .body("status", equalTo("APPROVED"))
        .body("amount.value", equalTo("25.00"))
        .body("latitude", equalTo("25.00"))
        .body("grantedBy", equalTo("agent-desk"))
        .body("decision.outcome", equalTo("APPROVED"))
        .body("decision.rule", equalTo("WITHIN_LATITUDE"))
        .body("decision.policyVersion", equalTo(1));

    String pending = grant(caseId, "25.01", "agent-desk");
    given()
        .get("/gestures/{id}", pending)
        .then()
        .body("status", equalTo("PENDING_APPROVAL"))
        .body("amount.value", equalTo("25.01"))
        .body("decision.outcome", equalTo("PENDING_APPROVAL"))
        .body("decision.rule", equalTo("ABOVE_LATITUDE"))
        .body(
            "decision.detail",
            equalTo("25.01 EUR is above the latitude of 25.00 EUR for segment general"));
  }

  @Test
  void countsGesturesByStatusInTheMetrics() {
    double approved = gauge("APPROVED");
    double pending = gauge("PENDING_APPROVAL");
    String caseId = openCase(Customers.active(), "SUPPORT");
    grant(caseId, "10.00", "agent-desk");
    grant(caseId, "80.00", "agent-desk");

    org.assertj.core.api.Assertions.assertThat(gauge("APPROVED")).isEqualTo(approved + 1);
    org.assertj.core.api.Assertions.assertThat(gauge("PENDING_APPROVAL")).isEqualTo(pending + 1);
  }

  private static double gauge(String status) {
    return ServiceMetrics.scrape().value("gestures", "status", status);
  }

  @Test
  void holdsAGestureInACurrencyThePolicyDoesNotName() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("amount", Map.of("value", "25", "currency", "JPY"), "reason", "late"))
        .post("/cases/{id}/gestures", caseId)
        .then()
        .statusCode(201)
        .body("status", equalTo("PENDING_APPROVAL"))
        .body("latitude", nullValue())
        .body("decision.rule", equalTo("CURRENCY_NOT_IN_POLICY"))
        .body("decision.detail", equalTo("policy version 1 names no limits for JPY"));
  }

  @Test
  void holdsWhatWouldPassTheCustomersWindowAndSaysWhatWasAlreadyApproved() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    grant(caseId, "25.00", "agent-window");
    grant(caseId, "20.00", "agent-window");
    String held = grant(caseId, "5.01", "agent-window");
    given()
        .get("/gestures/{id}", held)
        .then()
        .body("status", equalTo("PENDING_APPROVAL"))
        .body("decision.rule", equalTo("CUSTOMER_WINDOW_EXCEEDED"))
        .body(
            "decision.detail",
            startsWith("45.00 of 50.00 EUR already approved for this customer since "));
    given()
        .get("/gestures/{id}", grant(caseId, "5.00", "agent-window"))
        .then()
        .body("status", equalTo("APPROVED"));
  }

  @Test
  void letsASupervisorApproveOrRejectOnceRecordingWhoDecided() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    String toApprove = grant(caseId, "40.00", "agent-desk");
    String toReject = grant(caseId, "80.00", "agent-desk");

    decide(toApprove, true, 200);
    decide(toReject, false, 200);
    given()
        .get("/gestures/{id}", toApprove)
        .then()
        .body("status", equalTo("APPROVED"))
        .body("decidedBy", equalTo("supervisor-desk"))
        .body("decidedAt", notNullValue())
        .body("decisionNote", equalTo("checked"))
        .body("grantedBy", equalTo("agent-desk"));
    given().get("/gestures/{id}", toReject).then().body("status", equalTo("REJECTED"));

    decide(toApprove, false, 409);
    given().get("/gestures/{id}", toApprove).then().body("status", equalTo("APPROVED"));
  }

  @Test
  void refusesToDecideAGestureApprovedAtOnce() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    decide(grant(caseId, "10.00", "agent"), true, 409);
  }

  @Test
  void recordsUnknownAsTheActorWhenTheGatewayNamesNone() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("amount", Map.of("value", "30.00", "currency", "EUR"), "reason", "late"))
            .post("/cases/{id}/gestures", caseId)
            .then()
            .statusCode(201)
            .body("grantedBy", equalTo("unknown"))
            .extract()
            .path("id");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("approve", true))
        .post("/gestures/{id}/decision", id)
        .then()
        .statusCode(200)
        .body("decidedBy", equalTo("unknown"));
  }

  @Test
  void queuesPendingGesturesOldestFirstEachWithItsAge() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    String older = grant(caseId, "98.00", "agent");
    String newer = grant(caseId, "97.00", "agent");
    String approved = grant(caseId, "1.00", "agent");

    java.util.List<String> queue = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var page =
          given()
              .queryParam("status", "PENDING_APPROVAL")
              .queryParam("limit", 1)
              .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
              .get("/gestures")
              .then()
              .statusCode(200)
              .body("items[0].age", matchesPattern("PT(\\d+H)?(\\d+M)?\\d*S?"))
              .extract();
      queue.addAll(page.path("items.id"));
      cursor = page.path("next");
    } while (cursor != null);

    org.assertj.core.api.Assertions.assertThat(queue)
        .contains(older, newer)
        .doesNotContain(approved);
    org.assertj.core.api.Assertions.assertThat(queue.indexOf(older))
        .isLessThan(queue.indexOf(newer));
    given().get("/gestures/{id}", approved).then().body("age", nullValue());
    decide(older, true, 200);
    given().get("/gestures/{id}", older).then().body("age", nullValue());
  }

  @Test
  void showsTheOldestPendingGesturesAgeInTheMetrics() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    grant(caseId, "96.00", "agent");

    var metrics = ServiceMetrics.scrape();
    org.assertj.core.api.Assertions.assertThat(metrics.has("gestures_pending_oldest_age_seconds"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(metrics.value("gestures_pending_oldest_age_seconds"))
        .isGreaterThanOrEqualTo(0);
    org.assertj.core.api.Assertions.assertThat(
            metrics.value("gestures", "status", "PENDING_APPROVAL"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void tellsTheCallerWhatTheyMayStillGiveAfterGrants() {
    UUID customer = Customers.active();
    String agent = "standing-" + UUID.randomUUID();
    String caseId = openCase(customer, "SUPPORT");
    grant(caseId, "20.00", agent);
    grant(caseId, "10.00", agent);
    String held = grant(caseId, "25.01", agent);

    given()
        .header("X-Actor", agent)
        .get("/customers/{id}/goodwill", customer)
        .then()
        .statusCode(200)
        .body("customerId", equalTo(customer.toString()))
        .body("actor", equalTo(agent))
        .body("policyVersion", notNullValue())
        .body("currencies.EUR.latitude", equalTo("25.00"))
        .body("currencies.EUR.customerWindow.amount", equalTo("50.00"))
        .body("currencies.EUR.customerWindow.days", equalTo(90))
        .body("currencies.EUR.customerWindow.approved", equalTo("30.00"))
        .body("currencies.EUR.customerWindow.left", equalTo("20.00"))
        .body("currencies.EUR.personMonth.amount", equalTo("500.00"))
        .body("currencies.EUR.personMonth.approved", equalTo("30.00"))
        .body("currencies.EUR.personMonth.left", equalTo("470.00"))
        .body("currencies.EUR.atOnce", equalTo("20.00"))
        .body("currencies.USD.customerWindow.approved", equalTo("0.00"))
        .body("lastGestures.size()", equalTo(3))
        .body("lastGestures[0].id", equalTo(held))
        .body("lastGestures[0].grantedBy", equalTo(agent))
        .body("lastGestures[0].decision.rule", equalTo("ABOVE_LATITUDE"))
        .body("lastGestures[2].amount.value", equalTo("20.00"));

    given()
        .header("X-Actor", "another-" + agent)
        .get("/customers/{id}/goodwill", customer)
        .then()
        .statusCode(200)
        .body("currencies.EUR.customerWindow.left", equalTo("20.00"))
        .body("currencies.EUR.personMonth.approved", equalTo("0.00"))
        .body("currencies.EUR.personMonth.left", equalTo("500.00"));

    // What it says may be given at once is exactly what the rules approve at once.
    String atOnce = grant(caseId, "20.00", agent);
    org.assertj.core.api.Assertions.assertThat(status(atOnce)).isEqualTo("APPROVED");
    given()
        .header("X-Actor", agent)
        .get("/customers/{id}/goodwill", customer)
        .then()
        .body("currencies.EUR.customerWindow.left", equalTo("0.00"))
        .body("currencies.EUR.atOnce", equalTo("0.00"))
        .body("lastGestures[0].id", equalTo(atOnce));
  }

  @Test
  void answersTheStandingOfAnUnknownCustomerWith404AndOfAnErasedOneWith410() {
    given()
        .header("X-Actor", "agent-desk")
        .get("/customers/{id}/goodwill", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .header("X-Actor", "agent-desk")
        .get("/customers/{id}/goodwill", Customers.erased())
        .then()
        .statusCode(410)
        .contentType("application/problem+json");
  }

  @Test
  void answersAMergedCustomersStandingWithTheSurvivors() {
    UUID survivor = Customers.active();
    String granted = grant(openCase(survivor, "SUPPORT"), "10.00", "agent-merge");
    given()
        .header("X-Actor", "agent-merge")
        .get("/customers/{id}/goodwill", Customers.mergedInto(survivor))
        .then()
        .statusCode(200)
        .body("customerId", equalTo(survivor.toString()))
        .body("currencies.EUR.customerWindow.approved", equalTo("10.00"))
        .body("lastGestures[0].id", equalTo(granted));
  }

  @Test
  void listsGesturesByStatus() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    String pending = grant(caseId, "99.00", "agent");
    String approved = grant(caseId, "1.00", "agent");

    given()
        .queryParam("status", "PENDING_APPROVAL")
        .queryParam("limit", 200)
        .when()
        .get("/gestures")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(pending))
        .body("items.id", not(hasItem(approved)))
        .body("items.status", not(hasItem("APPROVED")));
    given()
        .queryParam("status", "MAYBE")
        .get("/gestures")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("status"));
  }

  @Test
  void refusesANonPositiveOrMalformedAmount() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    for (String value : new String[] {"0.00", "-5", "abc"}) {
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("amount", Map.of("value", value, "currency", "EUR"), "reason", "late"))
          .when()
          .post("/cases/{id}/gestures", caseId)
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("amount.value"));
    }
  }

  @Test
  void answers404ForAnUnknownGestureOrCase() {
    decide(UUID.randomUUID().toString(), true, 404);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("amount", Map.of("value", "5", "currency", "EUR"), "reason", "late"))
        .post("/cases/{id}/gestures", UUID.randomUUID())
        .then()
        .statusCode(404);
  }
}
