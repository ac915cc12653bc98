package io.outsidein.insight;

import static io.outsidein.insight.support.Events.registered;
import static io.outsidein.insight.support.Events.touch;
import static io.outsidein.insight.support.Events.visit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.support.Events;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Time alone raises the risk of a customer who goes quiet: no new event is needed. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SilentChurnTest {
  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theScheduledReevaluationRaisesTheRiskOfACustomerSilentAfterABadExperience() {
    UUID customer = UUID.randomUUID();
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(registered(customer, "consumer"));
      // Imported history: a visit every 3 days for two months, then one poor survey answer.
      for (int day = 60; day >= 2; day -= 3) {
        publisher.publish(visit(customer, day));
      }
      publisher.publish(
          touch(
              customer, 1, InteractionType.FEEDBACK, null, new Rating(Rating.Scale.CSAT, 2), null));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get("/customers/{id}/insights", customer)
                    .then()
                    .statusCode(200)
                    .body("metrics.interactions", equalTo(21))
                    .body("churnRisk", equalTo("LOW"))
                    .body("reasons.code", not(hasItem("SILENT_AFTER_BAD_EXPERIENCE"))));

    // Three weeks of silence for a customer who came every three days.
    clock.advance(Duration.ofDays(21));

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get("/customers/{id}/insights", customer)
                    .then()
                    .statusCode(200)
                    .body("churnRisk", equalTo("HIGH"))
                    .body("reasons.code", hasItem("SILENT_AFTER_BAD_EXPERIENCE"))
                    .body("nextBestActions.code", hasItem("PROACTIVE_OUTREACH"))
                    .body("metrics.rhythmDays", equalTo(3.0f)));
  }
}
