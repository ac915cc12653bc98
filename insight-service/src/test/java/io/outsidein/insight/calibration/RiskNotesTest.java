package io.outsidein.insight.calibration;

import static io.outsidein.insight.support.Events.registered;
import static io.outsidein.insight.support.Events.touch;
import static io.outsidein.insight.support.Events.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.insight.support.Events;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Risk notes taken and closed on the real broker and database, the clock moved past the outcome
 * window (default 30 days); and the calibration report over them.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RiskNotesTest {
  private static final Duration WAIT = Duration.ofSeconds(40);

  @Inject TestClock clock;
  @Inject RiskNotes riskNotes;

  @AfterEach
  void resetClockAndSchedule() {
    riskNotes.pause(false);
    clock.reset();
  }

  private static List<RiskNote> notesOf(UUID customer) {
    return QuarkusTransaction.requiringNew()
        .call(() -> RiskNote.<RiskNote>list("customerId = ?1 order by notedAt", customer));
  }

  private static JsonPath calibration(String segment) {
    return given()
        .queryParam("segment", segment)
        .get("/insights/calibration")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void notesEachCustomersRiskAndCountsWhoCancelledOrWentSilentWhenTheWindowHasPassed() {
    String segment = Events.uniqueSegment();
    UUID cancelled = UUID.randomUUID();
    UUID silent = UUID.randomUUID();
    UUID cameBack = UUID.randomUUID();
    UUID erased = UUID.randomUUID();
    List<UUID> customers = List.of(cancelled, silent, cameBack, erased);
    // Held while the histories arrive, so that each is noted with its whole history.
    riskNotes.pause(true);
    try (EventPublisher publisher = Events.publisher()) {
      for (UUID customer : customers) {
        publisher.publish(registered(customer, segment));
        // A visit every 3 days for a month: LOW risk, a 3-day rhythm.
        for (int day = 31; day >= 2; day -= 3) {
          publisher.publish(visit(customer, day));
        }
      }
    }
    // Asked at once: by the time the first customer is scored, most of the others are too.
    for (UUID customer : customers) {
      Awaitility.await()
          .atMost(WAIT)
          .pollDelay(Duration.ZERO)
          .untilAsserted(
              () ->
                  given()
                      .get("/customers/{id}/insights", customer)
                      .then()
                      .statusCode(200)
                      .body("segment", equalTo(segment))
                      .body("metrics.interactions", equalTo(10))
                      .body("churnRisk", equalTo("LOW")));
    }
    Instant before = clock.instant();
    assertThat(riskNotes.noteUnnoted()).isGreaterThanOrEqualTo(4);
    for (UUID customer : customers) {
      assertThat(notesOf(customer))
          .singleElement()
          .satisfies(
              note -> {
                assertThat(note.status).isEqualTo(RiskNote.Status.OPEN);
                assertThat(note.churnRisk).isEqualTo("LOW");
                assertThat(note.segment).isEqualTo(segment);
                assertThat(note.notedAt).isBetween(before, clock.instant());
                assertThat(note.closesAt).isEqualTo(note.notedAt.plus(Duration.ofDays(30)));
                assertThat(note.churned).isNull();
              });
    }
    // A customer with an open note is not noted twice.
    riskNotes.noteUnnoted();
    assertThat(notesOf(silent)).hasSize(1);
    riskNotes.pause(false);

    // 29 days on (the window still open), what the customers did within it.
    clock.advance(Duration.ofDays(29));
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(touch(cancelled, -5, InteractionType.CANCELLATION, null, null, -0.5));
      // Back within their rhythm at the close: only the cancellation makes them churned.
      publisher.publish(visit(cancelled, -28));
      publisher.publish(visit(cameBack, -28));
      publisher.publish(new CustomerErased(erased, Instant.now()));
    }
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              given()
                  .get("/customers/{id}/insights", cancelled)
                  .then()
                  .body("metrics.interactions", equalTo(12));
              given()
                  .get("/customers/{id}/insights", cameBack)
                  .then()
                  .body("metrics.interactions", equalTo(11));
              assertThat(notesOf(erased)).isEmpty();
            });
    assertThat(notesOf(silent)).singleElement().satisfies(n -> assertThat(n.churned).isNull());

    // The window has passed: the schedule closes the notes and notes the customers again.
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (UUID customer : List.of(cancelled, silent, cameBack)) {
                assertThat(notesOf(customer))
                    .extracting(n -> n.status)
                    .containsExactly(RiskNote.Status.CLOSED, RiskNote.Status.OPEN);
              }
            });
    assertThat(notesOf(cancelled).get(0).churned).isTrue();
    assertThat(notesOf(silent).get(0).churned).isTrue();
    assertThat(notesOf(cameBack).get(0).churned).isFalse();
    // Noted again as they are now: the silent customer's silence counts against them.
    assertThat(notesOf(silent).get(1).churnRisk).isNotEqualTo("LOW");
    assertThat(notesOf(cameBack).get(1).churnRisk).isEqualTo("LOW");

    JsonPath report = calibration(segment);
    assertThat(report.getString("outcomeWindow")).isEqualTo("P30D");
    assertThat(report.getList("items.churnRisk")).containsExactly("LOW", "MEDIUM", "HIGH");
    assertThat(report.getList("items.segment")).containsOnly(segment);
    assertThat(report.getInt("items[0].customers")).isEqualTo(3);
    assertThat(report.getInt("items[0].churned")).isEqualTo(2);
    double[] interval = CalibrationTest.wilson(3, 2);
    assertThat(report.getDouble("items[0].churnRate.value")).isCloseTo(2 / 3.0, within(0.0001));
    assertThat(report.getDouble("items[0].churnRate.low")).isCloseTo(interval[0], within(0.0001));
    assertThat(report.getDouble("items[0].churnRate.high")).isCloseTo(interval[1], within(0.0001));
    assertThat(report.getInt("items[2].customers")).isZero();
    assertThat(report.getString("items[2].churnRate")).isNull();
    assertThat(report.getString("predicts")).isNull();
    assertThat(report.getString("detail"))
        .isEqualTo("too few closed windows to say: HIGH 0, LOW 3 customers");
  }

  /** A note closed long ago, as the schedule leaves it. */
  private static void closedNote(UUID customer, String segment, String risk, boolean churned) {
    Instant notedAt = Instant.parse("2026-01-01T00:00:00Z");
    RiskNote note = new RiskNote();
    note.id = UUID.randomUUID();
    note.customerId = customer;
    note.segment = segment;
    note.churnRisk = risk;
    note.notedAt = notedAt;
    note.closesAt = notedAt.plus(Duration.ofDays(30));
    note.status = RiskNote.Status.CLOSED;
    note.closedAt = note.closesAt;
    note.churned = churned;
    note.persist();
  }

  /** Closed notes of as many customers, the first {@code churned} of them churned. */
  private static void closedNotes(String segment, String risk, int customers, int churned) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (int i = 0; i < customers; i++) {
                closedNote(UUID.randomUUID(), segment, risk, i < churned);
              }
            });
  }

  @Test
  void reportsTheChurnRatePerRiskWithItsWilsonIntervalAndWhetherHighChurnedMore() {
    String predicting = Events.uniqueSegment();
    closedNotes(predicting, "LOW", 10, 2);
    closedNotes(predicting, "HIGH", 5, 5);

    JsonPath report = calibration(predicting);
    assertThat(report.getList("items.churnRisk")).containsExactly("LOW", "MEDIUM", "HIGH");
    assertThat(report.getInt("items[0].customers")).isEqualTo(10);
    assertThat(report.getInt("items[0].churned")).isEqualTo(2);
    assertThat(report.getDouble("items[0].churnRate.value")).isEqualTo(0.2);
    assertThat(report.getDouble("items[0].churnRate.low")).isEqualTo(0.0567);
    assertThat(report.getDouble("items[0].churnRate.high")).isEqualTo(0.5098);
    assertThat(report.getString("items[1].churnRate")).isNull();
    assertThat(report.getDouble("items[2].churnRate.low"))
        .isCloseTo(CalibrationTest.wilson(5, 5)[0], within(0.0001));
    assertThat(report.getBoolean("predicts")).isTrue();
    assertThat(report.getString("detail"))
        .isEqualTo("HIGH churned 100.0% (56.6-100.0%), LOW 20.0% (5.7-51.0%)");

    String alike = Events.uniqueSegment();
    closedNotes(alike, "LOW", 20, 5);
    closedNotes(alike, "MEDIUM", 3, 1);
    closedNotes(alike, "HIGH", 20, 4);
    JsonPath notPredicting = calibration(alike);
    assertThat(notPredicting.getBoolean("predicts")).isFalse();
    assertThat(notPredicting.getString("detail")).endsWith("does not churn clearly more than LOW");
    assertThat(notPredicting.getInt("items[1].customers")).isEqualTo(3);

    // Unsegmented: both segments among the rest, in segment order.
    JsonPath all = given().get("/insights/calibration").then().statusCode(200).extract().jsonPath();
    assertThat(all.<String>getList("items.segment")).contains(predicting, alike);
    assertThat(all.getList("items")).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void aMergeEndsTheDuplicatesOpenNoteAndMovesItsClosedOnesToTheSurvivor() {
    String segment = Events.uniqueSegment();
    UUID survivor = UUID.randomUUID();
    UUID duplicate = UUID.randomUUID();
    try (EventPublisher publisher = Events.publisher()) {
      for (UUID customer : List.of(survivor, duplicate)) {
        publisher.publish(registered(customer, segment));
        publisher.publish(visit(customer, 3));
      }
    }
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              riskNotes.noteUnnoted();
              for (UUID customer : List.of(survivor, duplicate)) {
                assertThat(notesOf(customer))
                    .singleElement()
                    .satisfies(n -> assertThat(n.status).isEqualTo(RiskNote.Status.OPEN));
              }
            });
    QuarkusTransaction.requiringNew().run(() -> closedNote(duplicate, segment, "HIGH", true));

    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(new CustomerMerged(survivor, duplicate, Instant.now()));
    }
    // Both open notes moved to the survivor would break "one open note per customer": the merge
    // would fail and never be applied.
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/customers/{id}/insights", duplicate)
                    .then()
                    .statusCode(404)
                    .body("mergedInto", equalTo(survivor.toString())));
    assertThat(notesOf(duplicate)).isEmpty();
    assertThat(notesOf(survivor))
        .extracting(n -> n.status)
        .containsExactlyInAnyOrder(RiskNote.Status.OPEN, RiskNote.Status.CLOSED);
    assertThat(calibration(segment).getInt("items[2].churned")).isEqualTo(1);
  }

  @Test
  void refusesASegmentThatIsNotASlug() {
    given()
        .queryParam("segment", "Not A Slug")
        .get("/insights/calibration")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("segment"));
    given()
        .queryParam("segment", "smb\u0000")
        .get("/insights/calibration")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
