package io.outsidein.insight;

import static io.outsidein.insight.support.Events.handedOff;
import static io.outsidein.insight.support.Events.opened;
import static io.outsidein.insight.support.Events.registered;
import static io.outsidein.insight.support.Events.touch;
import static io.outsidein.insight.support.Events.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventType;
import io.outsidein.events.Topics;
import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.support.Events;
import io.outsidein.testing.EventProbe;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.ServiceMetrics;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Events from the real broker build each customer's insight, once, robustly. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InsightEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject EntityManager entityManager;

  @Test
  void explainsAFrustratedCustomerWithABouncingUnresolvedComplaint() {
    UUID customer = UUID.randomUUID();
    UUID caseId = UUID.randomUUID();
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(registered(customer, "smb"));
      for (int day = 60; day >= 6; day -= 6) {
        publisher.publish(visit(customer, day));
      }
      // All of one customer's events in a burst: the inbox applies them in one transaction.
      publisher.publish(opened(caseId, customer, Department.SALES, 4));
      publisher.publish(touch(customer, 4, InteractionType.COMPLAINT, caseId, null, -0.8));
      publisher.publish(handedOff(caseId, customer, Department.SALES, Department.DELIVERY, 3));
      publisher.publish(handedOff(caseId, customer, Department.DELIVERY, Department.SUPPORT, 2));
      publisher.publish(
          touch(
              customer,
              1,
              InteractionType.INQUIRY,
              caseId,
              new Rating(Rating.Scale.CSAT, 1),
              -0.7));
    }

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get("/customers/{id}/insights", customer)
                    .then()
                    .statusCode(200)
                    .body("metrics.interactions", equalTo(12)));
    given()
        .when()
        .get("/customers/{id}/insights", customer)
        .then()
        .statusCode(200)
        .body("segment", equalTo("smb"))
        .body("churnRisk", equalTo("HIGH"))
        .body("healthScore", equalTo(100 - 20 - 15 - 15 - 10))
        .body(
            "reasons.code",
            hasItems("UNRESOLVED_COMPLAINT", "MANY_HANDOFFS", "LOW_RATING", "NEGATIVE_SENTIMENT"))
        .body("nextBestActions.code", hasItems("GOODWILL_GESTURE", "ASSIGN_SINGLE_OWNER"))
        .body("metrics.openCases", equalTo(1))
        .body("metrics.cases[0].path", equalTo(List.of("SALES", "DELIVERY", "SUPPORT")))
        .body("metrics.cases[0].contacts", equalTo(2))
        .body("metrics.csat", equalTo(1.0f));
  }

  @Test
  void appliesARedeliveredInteractionOnlyOnce() {
    UUID customer = UUID.randomUUID();
    double duplicatesBefore = duplicatesCounted();
    double timedBefore = interactionMetric("inbox_event_delay_seconds_count");
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(registered(customer, "smb"));
      CloudEvent first = publisher.publish(visit(customer, 3));
      publisher.publish(first);
      publisher.publish(first);
      publisher.publish(visit(customer, 1));
    }

    awaitInteractions(customer, 2);
    // The touchpoint's own key would hide a second application: the inbox must have skipped both
    // copies, whether they came in the first one's poll or a later one. Every interaction event
    // taken from a poll is timed from its writing, copies included.
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(duplicatesCounted() - duplicatesBefore).isEqualTo(2.0);
              assertThat(interactionMetric("inbox_event_delay_seconds_count") - timedBefore)
                  .isEqualTo(4.0);
            });
    assertThat(interactions(customer)).isEqualTo(2);
  }

  private static double duplicatesCounted() {
    return interactionMetric("inbox_events_duplicates_total");
  }

  /** The sum of a metric's interaction.recorded series. */
  private static double interactionMetric(String name) {
    return ServiceMetrics.scrape().sum(name, "type", EventType.INTERACTION_RECORDED.typeName());
  }

  @Test
  void deadLettersAPoisonMessageAndGoesOnWithTheNextOnes() {
    UUID customer = UUID.randomUUID();
    String poisonKey = "poison-" + UUID.randomUUID();
    double deadLetteredBefore = deadLettered();
    try (EventProbe dlq = EventProbe.on(bootstrap(), Topics.deadLetter("insight-service"));
        EventPublisher publisher = Events.publisher()) {
      publisher.send(
          Topics.INTERACTION_EVENTS, poisonKey, "not json".getBytes(StandardCharsets.UTF_8));
      publisher.publish(registered(customer, "smb"));
      publisher.publish(visit(customer, 1));

      awaitInteractions(customer, 1);
      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                // An assertion, not orElseThrow: Awaitility retries only failed assertions.
                Optional<ConsumerRecord<String, byte[]>> found =
                    dlq.records().stream().filter(r -> poisonKey.equals(r.key())).findFirst();
                assertThat(found).as("the poison message, dead-lettered").isPresent();
                ConsumerRecord<String, byte[]> letter = found.get();
                assertThat(new String(letter.value(), StandardCharsets.UTF_8))
                    .isEqualTo("not json");
                assertThat(
                        new String(
                            letter.headers().lastHeader("dlq-topic").value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo(Topics.INTERACTION_EVENTS);
              });
      assertThat(deadLettered()).isEqualTo(deadLetteredBefore + 1);
    }
  }

  private static double deadLettered() {
    return ServiceMetrics.scrape()
        .sum("inbox_events_dead_lettered_total", "topic", Topics.INTERACTION_EVENTS);
  }

  @Test
  void forgetsAnErasedCustomerEntirelyAndIgnoresTheirLateEvents() {
    UUID customer = UUID.randomUUID();
    UUID caseId = UUID.randomUUID();
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(registered(customer, "smb"));
      publisher.publish(opened(caseId, customer, Department.SUPPORT, 2));
      publisher.publish(handedOff(caseId, customer, Department.SUPPORT, Department.BILLING, 1));
      publisher.publish(touch(customer, 1, InteractionType.COMPLAINT, caseId, null, -0.5));
    }
    awaitInteractions(customer, 1);

    CloudEvent late;
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(new CustomerErased(customer, Instant.now()));
      late = publisher.publish(visit(customer, 0));
    }

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get("/customers/{id}/insights", customer)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json"));
    // The late visit is applied after the erasure (same key, same partition) and changes nothing.
    Awaitility.await().atMost(WAIT).until(() -> processed(late.id()));
    assertThat(rowsAbout(customer)).isZero();
  }

  /** Whether the inbox has taken this event: its id is recorded with its effect, or its lack. */
  private boolean processed(UUID eventId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            entityManager
                                .createNativeQuery(
                                    "SELECT count(*) FROM processed_event WHERE event_id = :id")
                                .setParameter("id", eventId)
                                .getSingleResult())
                        .longValue()
                    == 1);
  }

  @Test
  void movesADuplicatesHistoryToTheSurvivorAndScoresItAgain() {
    UUID survivor = UUID.randomUUID();
    UUID duplicate = UUID.randomUUID();
    UUID caseId = UUID.randomUUID();
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(registered(survivor, "smb"));
      publisher.publish(visit(survivor, 5));
      publisher.publish(registered(duplicate, "smb"));
      publisher.publish(opened(caseId, duplicate, Department.SUPPORT, 2));
      publisher.publish(touch(duplicate, 2, InteractionType.COMPLAINT, caseId, null, null));
    }
    awaitInteractions(survivor, 1);
    awaitInteractions(duplicate, 1);

    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(new CustomerMerged(survivor, duplicate, Instant.now()));
    }

    awaitInteractions(survivor, 2);
    given()
        .when()
        .get("/customers/{id}/insights", survivor)
        .then()
        .statusCode(200)
        .body("metrics.openCases", equalTo(1))
        .body("reasons.code", hasItems("UNRESOLVED_COMPLAINT"));
    given()
        .when()
        .get("/customers/{id}/insights", duplicate)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("mergedInto", equalTo(survivor.toString()));
  }

  @Test
  void answers404ProblemForAnUnknownCustomer() {
    given()
        .when()
        .get("/customers/{id}/insights", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  private static void awaitInteractions(UUID customer, int expected) {
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(interactions(customer)).isEqualTo(expected));
  }

  private static int interactions(UUID customer) {
    var response = given().when().get("/customers/{id}/insights", customer);
    return response.statusCode() == 200 ? response.path("metrics.interactions") : -1;
  }

  private long rowsAbout(UUID customer) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              long rows = 0;
              for (String table :
                  List.of(
                      "customer_profile",
                      "touchpoint",
                      "case_journey",
                      "case_handoff",
                      "goodwill_gesture",
                      "customer_insight")) {
                rows +=
                    ((Number)
                            entityManager
                                .createNativeQuery(
                                    "SELECT count(*) FROM " + table + " WHERE customer_id = :id")
                                .setParameter("id", customer)
                                .getSingleResult())
                        .longValue();
              }
              return rows;
            });
  }

  private static String bootstrap() {
    return TestInfrastructure.shared().broker().bootstrapServers();
  }
}
