package io.outsidein.insight.outcomes;

import static io.outsidein.insight.support.Events.daysAgo;
import static io.outsidein.insight.support.Events.registered;
import static io.outsidein.insight.support.Events.touch;
import static io.outsidein.insight.support.Events.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.outsidein.events.interaction.ActionCode;
import io.outsidein.events.interaction.ActionTaken;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.support.Events;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestClock;
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
 * Actions followed through their outcome window (default 30 days) on the real broker and database;
 * time alone closes the windows, so the test moves the clock past them.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutcomeWindowsTest {
  private static final Duration WAIT = Duration.ofSeconds(40);

  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** A regular customer: a visit every 3 days for a month, so LOW risk and a 3-day rhythm. */
  private static void regular(EventPublisher publisher, UUID customer, String segment) {
    publisher.publish(registered(customer, segment));
    for (int day = 31; day >= 2; day -= 3) {
      publisher.publish(visit(customer, day));
    }
  }

  private static int health(UUID customer) {
    return given().get("/customers/{id}/insights", customer).then().extract().path("healthScore");
  }

  private static JsonPath report(String segment) {
    return given()
        .queryParam("segment", segment)
        .get("/insights/actions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String item(String code) {
    return "items.find { it.code == '" + code + "' }";
  }

  @Test
  void measuresTheActedCustomerAndAComparisonGroupOfTheSameSegmentAndRiskWhenTimeEndsTheWindow() {
    String segment = Events.uniqueSegment();
    UUID acted = UUID.randomUUID();
    UUID complainer = UUID.randomUUID();
    List<UUID> untouched = List.of(UUID.randomUUID(), UUID.randomUUID());
    UUID otherSegment = UUID.randomUUID();
    try (EventPublisher publisher = Events.publisher()) {
      regular(publisher, acted, segment);
      regular(publisher, complainer, segment);
      untouched.forEach(c -> regular(publisher, c, segment));
      regular(publisher, otherSegment, Events.uniqueSegment());
    }
    // Asked at once: by the time the first customer is scored, most of the others are too.
    for (UUID c : List.of(acted, complainer, untouched.get(0), untouched.get(1), otherSegment)) {
      Awaitility.await()
          .atMost(WAIT)
          .pollDelay(Duration.ZERO)
          .untilAsserted(
              () ->
                  given()
                      .get("/customers/{id}/insights", c)
                      .then()
                      .statusCode(200)
                      .body("metrics.interactions", equalTo(10))
                      .body("churnRisk", equalTo("LOW")));
    }
    int actedBefore = health(acted);
    int untouchedBefore = health(untouched.get(0));

    UUID gesture = UUID.randomUUID();
    ActionTaken gestureAction =
        new ActionTaken(
            gesture,
            acted,
            ActionCode.GOODWILL_GESTURE,
            null,
            UUID.randomUUID(),
            "agent-desk",
            daysAgo(1));
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(gestureAction);
      // Delivered again as a new event: the action is followed once.
      publisher.publish(gestureAction);
      // Within the window: the acted customer comes back and rates the service.
      publisher.publish(visit(acted, 0.5));
      publisher.publish(
          touch(acted, 0.4, InteractionType.FEEDBACK, null, new Rating(Rating.Scale.CSAT, 5), 0.6));
      // Someone acts on the complainer too, within the gesture's window: no longer untouched.
      publisher.publish(
          new ActionTaken(
              UUID.randomUUID(),
              complainer,
              ActionCode.PROACTIVE_OUTREACH,
              null,
              null,
              "agent-desk",
              daysAgo(0.5)));
      publisher.publish(touch(complainer, 0.3, InteractionType.COMPLAINT, null, null, -0.8));
    }
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonPath following = report(segment);
              // Until both actions are applied their items are absent (null), not 1.
              assertThat(following.<Integer>get(item("GOODWILL_GESTURE") + ".following"))
                  .isEqualTo(1);
              assertThat(following.<Integer>get(item("PROACTIVE_OUTREACH") + ".following"))
                  .isEqualTo(1);
              assertThat(following.<Integer>get(item("GOODWILL_GESTURE") + ".acted.outcomes"))
                  .isZero();
            });
    assertThat(report(segment).getString(item("GOODWILL_GESTURE") + ".acted.retainedRate"))
        .isNull();

    // A month on, with no event: the schedule closes both windows.
    clock.advance(Duration.ofDays(30));
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .queryParam("segment", segment)
                    .get("/insights/actions")
                    .then()
                    .body("items", hasSize(2))
                    .body("items.following", equalTo(List.of(0, 0))));

    JsonPath outcomes = report(segment);
    assertThat(outcomes.getString("outcomeWindow")).isEqualTo("P30D");
    String gestures = item("GOODWILL_GESTURE");
    assertThat(outcomes.getString(gestures + ".segment")).isEqualTo(segment);
    // The acted customer came back on their own: retained, rated, no new complaint.
    assertThat(outcomes.getInt(gestures + ".acted.outcomes")).isEqualTo(1);
    assertThat(outcomes.getInt(gestures + ".acted.retained")).isEqualTo(1);
    assertThat(outcomes.getInt(gestures + ".acted.rated")).isEqualTo(1);
    assertThat(outcomes.getInt(gestures + ".acted.newComplaints")).isZero();
    assertThat(outcomes.getDouble(gestures + ".acted.healthChange.mean"))
        .isEqualTo(health(acted) - actedBefore);
    assertThat(outcomes.getString(gestures + ".acted.healthChange.low")).isNull();
    // Comparison: the two untouched customers of the segment (the complainer was acted on within
    // the window, the other segment does not match); silent for a month, so not retained.
    assertThat(outcomes.getInt(gestures + ".comparison.outcomes")).isEqualTo(2);
    assertThat(outcomes.getInt(gestures + ".comparison.retained")).isZero();
    assertThat(outcomes.getDouble(gestures + ".comparison.retainedRate.rate")).isZero();
    assertThat(outcomes.getDouble(gestures + ".comparison.retainedRate.high")).isPositive();
    double untouchedChange = health(untouched.get(0)) - untouchedBefore;
    assertThat(untouchedChange).isNegative();
    assertThat(outcomes.getDouble(gestures + ".comparison.healthChange.mean"))
        .isEqualTo(untouchedChange);
    assertThat(outcomes.getDouble(gestures + ".comparison.healthChange.low"))
        .isEqualTo(untouchedChange);

    // The outreach: the customer complained and then fell silent, so not retained.
    String outreach = item("PROACTIVE_OUTREACH");
    assertThat(outcomes.getInt(outreach + ".acted.outcomes")).isEqualTo(1);
    assertThat(outcomes.getInt(outreach + ".acted.retained")).isZero();
    assertThat(outcomes.getInt(outreach + ".acted.newComplaints")).isEqualTo(1);
    assertThat(outcomes.getInt(outreach + ".comparison.outcomes")).isEqualTo(2);

    // Selected by when the action was taken.
    Instant between = daysAgo(0.75);
    given()
        .queryParam("segment", segment)
        .queryParam("from", between.toString())
        .get("/insights/actions")
        .then()
        .body("items", hasSize(1))
        .body("items[0].code", equalTo("PROACTIVE_OUTREACH"));
  }

  @Test
  void refusesABadSegmentAndAPeriodThatEndsBeforeItStarts() {
    given().queryParam("segment", "Not A Slug").get("/insights/actions").then().statusCode(400);
    given()
        .queryParam("from", "2026-02-01T00:00:00Z")
        .queryParam("to", "2026-01-01T00:00:00Z")
        .get("/insights/actions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("from"));
    given().queryParam("to", "yesterday").get("/insights/actions").then().statusCode(400);
  }
}
