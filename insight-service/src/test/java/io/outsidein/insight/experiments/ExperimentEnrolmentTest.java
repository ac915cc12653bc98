package io.outsidein.insight.experiments;

import static io.outsidein.insight.support.Events.daysAgo;
import static io.outsidein.insight.support.Events.registered;
import static io.outsidein.insight.support.Events.touch;
import static io.outsidein.insight.support.Events.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.interaction.ActionCode;
import io.outsidein.events.interaction.ActionTaken;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.experiments.Assignment;
import io.outsidein.insight.support.Events;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestClock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An experiment on the real broker and database: customers who match are enrolled, their insights
 * name the experiment and follow the arm, and when time closes their windows the results find a
 * planted difference, and no difference where none was planted.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExperimentEnrolmentTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<Assignment.Arm> ARMS =
      List.of(new Assignment.Arm("control", 1), new Assignment.Arm("callBack", 1));

  @Inject TestClock clock;
  @Inject EntityManager entityManager;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static List<UUID> regulars(EventPublisher publisher, String segment, int count) {
    List<UUID> customers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID customer = UUID.randomUUID();
      customers.add(customer);
      publisher.publish(registered(customer, segment));
      for (int day = 31; day >= 2; day -= 3) {
        publisher.publish(visit(customer, day));
      }
    }
    return customers;
  }

  private static String design(String name, String segment) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("population", Map.of("segment", segment));
    body.put(
        "arms",
        List.of(
            Map.of("name", "control", "weight", 1),
            Map.of(
                "name",
                "callBack",
                "weight",
                1,
                "treatment",
                Map.of("action", "PROACTIVE_OUTREACH"))));
    body.put("outcome", "RETAINED");
    body.put("startsAt", Instant.now().minus(Duration.ofMinutes(1)).toString());
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/experiments")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static JsonPath insights(UUID customer) {
    return given()
        .get("/customers/{id}/insights", customer)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath results(String experiment) {
    return given()
        .get("/experiments/{id}/results", experiment)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Asked at once, without Awaitility's first pause: one enrolment round takes them all. */
  private void awaitEnrolled(List<UUID> customers, String experiment) {
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
                      .body(
                          "experiments.findAll { it.experimentId == '" + experiment + "' }",
                          hasSize(1)));
    }
  }

  @Test
  void enrolsThePopulationFollowsTheArmAndFindsAPlantedDifferenceButNoneWhereNoneWasPlanted() {
    String treated = Events.uniqueSegment();
    String alike = Events.uniqueSegment();
    List<UUID> customers;
    List<UUID> others;
    try (EventPublisher publisher = Events.publisher()) {
      customers = regulars(publisher, treated, 40);
      others = regulars(publisher, alike, 40);
    }
    // Asked at once: by the time the first customer is scored, most of the others are too.
    for (UUID c : customers) {
      Awaitility.await()
          .atMost(WAIT)
          .pollDelay(Duration.ZERO)
          .untilAsserted(
              () ->
                  given()
                      .get("/customers/{id}/insights", c)
                      .then()
                      .statusCode(200)
                      .body("metrics.interactions", equalTo(10)));
    }
    for (UUID c : others) {
      Awaitility.await()
          .atMost(WAIT)
          .pollDelay(Duration.ZERO)
          .untilAsserted(() -> given().get("/customers/{id}/insights", c).then().statusCode(200));
    }
    String experiment = design("Call back regular customers", treated);
    String noEffect = design("Call back alike customers", alike);
    awaitEnrolled(customers, experiment);
    awaitEnrolled(others, noEffect);

    // Each customer is in the arm the shared assignment gives; the arm decides the actions.
    UUID experimentId = UUID.fromString(experiment);
    List<UUID> callBack = new ArrayList<>();
    List<UUID> control = new ArrayList<>();
    for (UUID c : customers) {
      String arm = Assignment.armOf(experimentId, c, ARMS).name();
      (arm.equals("callBack") ? callBack : control).add(c);
      JsonPath insight = insights(c);
      assertThat(insight.getString("experiments[0].arm")).isEqualTo(arm);
      assertThat(insight.getString("experiments[0].name")).isEqualTo("Call back regular customers");
      List<String> codes = insight.getList("nextBestActions.code");
      if (arm.equals("callBack")) {
        assertThat(codes).first().isEqualTo("PROACTIVE_OUTREACH");
        assertThat(insight.getString("nextBestActions[0].experimentId")).isEqualTo(experiment);
        assertThat(insight.getString("nextBestActions[0].arm")).isEqualTo("callBack");
      } else {
        assertThat(codes).doesNotContain("PROACTIVE_OUTREACH");
      }
    }
    assertThat(callBack).hasSizeGreaterThanOrEqualTo(10);
    assertThat(control).hasSizeGreaterThanOrEqualTo(10);
    // Every enrolment was published for the services that apply an arm.
    Number published =
        (Number)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) FROM outbox_message WHERE event_type = :type"
                        + " AND message_key IN (:customers)")
                .setParameter("type", "io.outsidein.experiment.enrolled.v1")
                .setParameter("customers", customers.stream().map(UUID::toString).toList())
                .getSingleResult();
    assertThat(published.intValue()).isEqualTo(customers.size());

    // The front line calls one back: the action is no longer recommended to them.
    UUID called = callBack.get(0);
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(
          new ActionTaken(
              UUID.randomUUID(),
              called,
              ActionCode.PROACTIVE_OUTREACH,
              null,
              null,
              "agent-desk",
              daysAgo(0.1)));
      // Planted: the called-back arm comes back, the control cancels; the alike segment all
      // come back, whatever their arm.
      for (UUID c : callBack) {
        publisher.publish(visit(c, -1));
      }
      for (UUID c : control) {
        publisher.publish(touch(c, -1, InteractionType.CANCELLATION, null, null, -0.2));
      }
      for (UUID c : others) {
        publisher.publish(visit(c, -1));
      }
    }
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(insights(called).getList("nextBestActions.code"))
                    .doesNotContain("PROACTIVE_OUTREACH"));

    // Before the windows close, every customer is still followed: not enough data.
    assertThat(results(experiment).getString("verdict")).isEqualTo("NOT_ENOUGH_DATA");
    clock.advance(Duration.ofDays(31));
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonPath r = results(experiment);
              assertThat(r.getInt("arms.find { it.name == 'callBack' }.outcomes"))
                  .isEqualTo(callBack.size());
              assertThat(r.getInt("arms.find { it.name == 'control' }.outcomes"))
                  .isEqualTo(control.size());
            });
    JsonPath r = results(experiment);
    assertThat(r.getDouble("arms.find { it.name == 'callBack' }.estimate.value")).isEqualTo(1.0);
    assertThat(r.getDouble("arms.find { it.name == 'control' }.estimate.value")).isEqualTo(0.0);
    assertThat(r.getString("comparisons[0].arm")).isEqualTo("callBack");
    assertThat(r.getString("comparisons[0].control")).isEqualTo("control");
    assertThat(r.getDouble("comparisons[0].difference.value")).isEqualTo(1.0);
    assertThat(r.getDouble("comparisons[0].difference.low")).isGreaterThan(0.0);
    assertThat(r.getDouble("comparisons[0].pValue")).isLessThan(0.05);
    assertThat(r.getString("comparisons[0].verdict")).isEqualTo("BETTER");
    assertThat(r.getString("verdict")).isEqualTo("BETTER");
    assertThat(r.getString("test")).isEqualTo("mSPRT");
    assertThat(r.getString("segments[0].segment")).isEqualTo(treated);
    assertThat(r.getString("segments[0].comparisons[0].verdict")).isEqualTo("BETTER");

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(results(noEffect).getInt("arms.collect { it.outcomes }.sum()"))
                    .isEqualTo(others.size()));
    JsonPath same = results(noEffect);
    assertThat(same.getString("verdict")).isIn("NO_DIFFERENCE", "NOT_ENOUGH_DATA");
    assertThat(same.getString("comparisons[0].verdict")).isNotEqualTo("BETTER");

    // Stopped: nobody is in it any more, and the arm no longer recommends.
    given().post("/experiments/{id}/stop", experiment).then().statusCode(200);
    JsonPath after = insights(callBack.get(1));
    assertThat(after.getList("experiments")).isEmpty();
    assertThat(after.getString("nextBestActions.find { it.experimentId != null }")).isNull();
  }

  @Test
  void aMergeKeepsTheSurvivorsArmAndDropsTheDuplicates() {
    String segment = Events.uniqueSegment();
    List<UUID> pair;
    try (EventPublisher publisher = Events.publisher()) {
      pair = regulars(publisher, segment, 2);
    }
    for (UUID c : pair) {
      Awaitility.await()
          .atMost(WAIT)
          .pollDelay(Duration.ZERO)
          .untilAsserted(() -> given().get("/customers/{id}/insights", c).then().statusCode(200));
    }
    String experiment = design("Call back merged customers", segment);
    awaitEnrolled(pair, experiment);
    UUID survivor = pair.get(0);
    UUID duplicate = pair.get(1);
    try (EventPublisher publisher = Events.publisher()) {
      publisher.publish(new CustomerMerged(survivor, duplicate, Instant.now()));
    }
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/customers/{id}/insights", duplicate)
                    .then()
                    .statusCode(404)
                    .body("mergedInto", equalTo(survivor.toString())));
    JsonPath kept = insights(survivor);
    assertThat(kept.getList("experiments")).hasSize(1);
    assertThat(kept.getString("experiments[0].arm"))
        .isEqualTo(Assignment.armOf(UUID.fromString(experiment), survivor, ARMS).name());
    assertThat(results(experiment).getInt("arms.collect { it.customers }.sum()")).isEqualTo(1);
  }
}
