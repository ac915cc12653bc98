package io.outsidein.insight;

import static io.outsidein.insight.support.Events.handedOff;
import static io.outsidein.insight.support.Events.opened;
import static io.outsidein.insight.support.Events.registered;
import static io.outsidein.insight.support.Events.touch;
import static io.outsidein.insight.support.Events.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.events.interaction.CaseResolved;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.GestureDecided;
import io.outsidein.events.interaction.GestureGranted;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Money;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.service.Reevaluation;
import io.outsidein.insight.support.Events;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replaying both topics into emptied tables gives exactly the model the live consumer built. A
 * start and a database of its own: it compares every row of the read model.
 */
@QuarkusTest
@TestProfile(RebuildTest.OwnConsumerGroup.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RebuildTest {

  /**
   * A consumer group of its own reads both topics from their beginning, as a rebuild does: the live
   * model then covers the same events as the rebuilt one (other test classes' included).
   */
  public static class OwnConsumerGroup implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("outsidein.inbox.group", "insight-rebuild-" + UUID.randomUUID());
    }
  }

  /** Every read-model row, as text; computation and bookkeeping times left out. */
  private static final Map<String, String> TABLES =
      Map.of(
          "customer_profile", "*",
          "touchpoint", "*",
          "case_journey", "*",
          "case_handoff", "*",
          "goodwill_gesture", "*",
          "customer_insight",
              "customer_id, segment, health_score, churn_risk, risk_rank, reasons, actions, metrics",
          "customer_alias", "*",
          "erased_customer", "*",
          "processed_event", "event_id, event_type");

  @Inject EntityManager entityManager;
  @Inject TestClock clock;
  @Inject Reevaluation reevaluation;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void rebuildsFromTheTopicsTheSameModelTheLiveConsumerBuilt() {
    clock.freeze();
    String segment = Events.uniqueSegment();
    UUID marker = publishAVariedHistory(segment);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get("/customers/{id}/insights", marker)
                    .then()
                    .statusCode(200)
                    .body("metrics.interactions", greaterThan(0))
                    .body("segment", equalTo(segment)));
    reevaluation.reevaluateAll();
    List<String> live = dump();
    // A risk note is a measurement taken as time passed, not derived from the events: kept.
    UUID note = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "INSERT INTO risk_note (id, customer_id, segment, churn_risk, noted_at,"
                            + " closes_at, status, churned, closed_at)"
                            + " VALUES (?1, ?2, ?3, 'HIGH', ?4, ?4, 'CLOSED', true, ?4)")
                    .setParameter(1, note)
                    .setParameter(2, marker)
                    .setParameter(3, segment)
                    .setParameter(4, java.sql.Timestamp.from(clock.instant()))
                    .executeUpdate());

    String location =
        given()
            .when()
            .post("/admin/insights/rebuilds")
            .then()
            .statusCode(202)
            .body("status", equalTo("RUNNING"))
            .body("finishedAt", nullValue())
            .extract()
            .header("Location");
    assertThat(location).matches(".*/admin/insights/rebuilds/[0-9a-f-]{36}$");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get(URI.create(location).getPath())
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("progress.applied", greaterThan(0))
                    .body("progress.read", greaterThan(0))
                    .body("customers", greaterThan(0))
                    .body("failure", nullValue()));

    List<String> rebuilt = dump();
    assertThat(rebuilt).hasSize(live.size()).containsExactlyElementsOf(live);
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        entityManager
                            .createNativeQuery(
                                "SELECT count(*) FROM risk_note WHERE id = ?1 AND churned")
                            .setParameter(1, note)
                            .getSingleResult()))
        .isEqualTo(1L);
    assertThat(live).anyMatch(row -> row.startsWith("customer_alias"));
    assertThat(live).anyMatch(row -> row.startsWith("erased_customer"));
  }

  @Test
  void refusesASecondRebuildWhileOneRunsAndFreesThePlaceOfOneWhoseInstanceStopped() {
    UUID running = UUID.randomUUID();
    Instant now = clock.instant();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "INSERT INTO insight_rebuild (id, status, started_at, heartbeat_at)"
                            + " VALUES (?1, 'RUNNING', ?2, ?2)")
                    .setParameter(1, running)
                    .setParameter(2, java.sql.Timestamp.from(now))
                    .executeUpdate());

    given()
        .when()
        .post("/admin/insights/rebuilds")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("runningId", equalTo(running.toString()));

    // Its instance stopped: no heartbeat for longer than abandoned-after (60 s by default).
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("UPDATE insight_rebuild SET heartbeat_at = ?2 WHERE id = ?1")
                    .setParameter(1, running)
                    .setParameter(2, java.sql.Timestamp.from(now.minus(Duration.ofMinutes(2))))
                    .executeUpdate());
    String started =
        given().when().post("/admin/insights/rebuilds").then().statusCode(202).extract().path("id");
    given()
        .when()
        .get("/admin/insights/rebuilds/{id}", running)
        .then()
        .statusCode(200)
        .body("status", equalTo("FAILED"))
        .body("failure", containsString("abandoned"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get("/admin/insights/rebuilds/{id}", started)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("COMPLETED")));
  }

  @Test
  void answers404ForARebuildThatNeverRan() {
    given()
        .when()
        .get("/admin/insights/rebuilds/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  /** Customers with cases, handoffs, gestures, a merge and an erasure; returns the last one. */
  private static UUID publishAVariedHistory(String segment) {
    UUID survivor = UUID.randomUUID();
    UUID duplicate = UUID.randomUUID();
    UUID erased = UUID.randomUUID();
    UUID caseId = UUID.randomUUID();
    UUID gesture = UUID.randomUUID();
    try (EventPublisher publisher = Events.publisher()) {
      for (UUID customer : List.of(survivor, duplicate, erased)) {
        publisher.publish(registered(customer, segment));
        for (int day = 40; day >= 5; day -= 5) {
          publisher.publish(visit(customer, day));
        }
      }
      publisher.publish(opened(caseId, duplicate, Department.SALES, 4));
      publisher.publish(touch(duplicate, 4, InteractionType.COMPLAINT, caseId, null, -0.6));
      publisher.publish(handedOff(caseId, duplicate, Department.SALES, Department.BILLING, 3));
      publisher.publish(
          new GestureGranted(
              gesture,
              caseId,
              duplicate,
              new Money(new BigDecimal("40.00"), "EUR"),
              GestureStatus.PENDING_APPROVAL,
              Events.daysAgo(3),
              "ABOVE_LATITUDE",
              1));
      publisher.publish(
          new GestureDecided(
              gesture, caseId, duplicate, GestureStatus.APPROVED, Events.daysAgo(2)));
      publisher.publish(new CaseResolved(caseId, duplicate, Events.daysAgo(2)));
      publisher.publish(
          touch(survivor, 1, InteractionType.FEEDBACK, null, new Rating(Rating.Scale.NPS, 9), 0.5));
      publisher.publish(
          new CustomerSegmentChanged(survivor, segment, "vip", Instant.now().minusSeconds(60)));
      publisher.publish(new CustomerMerged(survivor, duplicate, Instant.now().minusSeconds(30)));
      publisher.publish(new CustomerErased(erased, Instant.now().minusSeconds(10)));
      // Last on each topic: once both show, the live consumer has applied everything before.
      UUID marker = UUID.randomUUID();
      publisher.publish(registered(marker, segment));
      publisher.publish(visit(marker, 0.5));
      return marker;
    }
  }

  private List<String> dump() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<String> rows = new ArrayList<>();
              for (var table : new TreeMap<>(TABLES).entrySet()) {
                @SuppressWarnings("unchecked")
                List<Object> result =
                    entityManager
                        .createNativeQuery(
                            "SELECT CAST(ROW("
                                + table.getValue().replace("*", table.getKey() + ".*")
                                + ") AS text) AS r FROM "
                                + table.getKey()
                                + " ORDER BY 1")
                        .getResultList();
                result.forEach(r -> rows.add(table.getKey() + " " + r));
              }
              return rows;
            });
  }
}
