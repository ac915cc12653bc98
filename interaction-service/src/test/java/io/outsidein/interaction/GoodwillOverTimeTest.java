package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.grant;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The latitude stays occasional over time, and only over time: the customer's window rolls and the
 * person's month starts again on the 1st. Time is moved back to 2020, so nothing these tests write
 * is newer than what the other tests look for, and their held gestures are rejected at the end, so
 * no supervisor queue keeps them.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GoodwillOverTimeTest {
  @Inject TestClock clock;

  private final List<String> held = new ArrayList<>();

  @AfterEach
  void rejectWhatWasHeldAndResetTheClock() {
    held.forEach(
        id ->
            given()
                .contentType(ContentType.JSON)
                .header("X-Actor", "supervisor-over-time")
                .body(Map.of("approve", false, "note", "test over"))
                .post("/gestures/{id}/decision", id)
                .then()
                .statusCode(200));
    held.clear();
    clock.reset();
  }

  @Test
  void approvesAgainOnceTheCustomersWindowHasRolledPastItsFirstGrants() {
    clock.travelTo(Instant.parse("2020-03-02T10:00:00Z"));
    String caseId = openCase(Customers.active(), "SUPPORT");
    assertDecided(grant(caseId, "25.00", person()), "APPROVED", "WITHIN_LATITUDE");
    clock.travelTo(Instant.parse("2020-03-20T10:00:00Z"));
    assertDecided(grant(caseId, "25.00", person()), "APPROVED", "WITHIN_LATITUDE");

    // 89 days after the first grant: both still count, the window is full.
    clock.travelTo(Instant.parse("2020-05-30T10:00:00Z"));
    String full = grant(caseId, "5.00", person());
    held.add(full);
    assertDecided(full, "PENDING_APPROVAL", "CUSTOMER_WINDOW_EXCEEDED")
        .body(
            "decision.detail",
            equalTo("50.00 of 50.00 EUR already approved for this customer since 2020-03-01"));

    // 91 days after it: the first grant has left the window, the second has not.
    clock.travelTo(Instant.parse("2020-06-01T10:00:00Z"));
    assertDecided(grant(caseId, "25.00", person()), "APPROVED", "WITHIN_LATITUDE")
        .body(
            "decision.detail",
            equalTo(
                "25.00 EUR is within the latitude of 25.00 EUR; 50.00 of 50.00 EUR approved for"
                    + " this customer since 2020-03-03"));
  }

  @Test
  void startsThePersonsMonthAgainOnTheFirst() {
    String person = person();
    clock.travelTo(Instant.parse("2020-07-31T20:00:00Z"));
    for (int customer = 0; customer < 10; customer++) {
      String caseId = openCase(Customers.active(), "SUPPORT");
      grant(caseId, "25.00", person);
      grant(caseId, "25.00", person);
    }
    String caseId = openCase(Customers.active(), "SUPPORT");
    String overTheMonth = grant(caseId, "0.01", person);
    held.add(overTheMonth);
    assertDecided(overTheMonth, "PENDING_APPROVAL", "PERSON_MONTH_EXCEEDED")
        .body(
            "decision.detail",
            equalTo("500.00 of 500.00 EUR already approved by " + person + " since 2020-07-01"));

    clock.travelTo(Instant.parse("2020-08-01T00:05:00Z"));
    assertDecided(grant(caseId, "25.00", person), "APPROVED", "WITHIN_LATITUDE");
    given()
        .header("X-Actor", person)
        .get("/customers/{id}/goodwill", UUID.fromString(caseCustomer(caseId)))
        .then()
        .statusCode(200)
        .body("currencies.EUR.personMonth.since", equalTo("2020-08-01"))
        .body("currencies.EUR.personMonth.approved", equalTo("25.00"))
        .body("currencies.EUR.personMonth.left", equalTo("475.00"));
  }

  private static io.restassured.response.ValidatableResponse assertDecided(
      String gestureId, String status, String rule) {
    return given()
        .get("/gestures/{id}", gestureId)
        .then()
        .statusCode(200)
        .body("status", equalTo(status))
        .body("decision.rule", equalTo(rule));
  }

  private static String caseCustomer(String caseId) {
    return given().get("/cases/{id}", caseId).then().statusCode(200).extract().path("customerId");
  }

  private static String person() {
    return "agent-" + UUID.randomUUID();
  }
}
