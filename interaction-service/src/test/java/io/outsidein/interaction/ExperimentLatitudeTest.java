package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.grant;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.outsidein.events.EventData;
import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.experiment.CustomerEnrolled;
import io.outsidein.events.experiment.ExperimentArm;
import io.outsidein.events.experiment.ExperimentDesigned;
import io.outsidein.events.experiment.ExperimentStopped;
import io.outsidein.experiments.Assignment;
import io.outsidein.interaction.experiments.Enrolment;
import io.outsidein.interaction.experiments.Experiment;
import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestClock;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An experiment's latitude arm, learned from insight-service's events on the real broker, in
 * whatever order they come: a customer in the arm "generous" (50.00 EUR) may be given up to it at
 * once, and no more, while the experiment runs. Time is moved back to 2020, as in {@link
 * GoodwillOverTimeTest}, and held gestures are rejected at the end.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExperimentLatitudeTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Instant NOW = Instant.parse("2020-05-01T10:00:00Z");
  private static final List<ExperimentArm> ARMS =
      List.of(
          new ExperimentArm("control", 1, null, null),
          new ExperimentArm("generous", 1, null, Map.of("EUR", "50.00")));

  @Inject TestClock clock;

  private final List<String> held = new ArrayList<>();

  @BeforeEach
  void moveToTheExperimentsTime() {
    clock.travelTo(NOW);
  }

  @AfterEach
  void rejectWhatWasHeldAndResetTheClock() {
    held.forEach(
        id ->
            given()
                .contentType(ContentType.JSON)
                .header("X-Actor", "supervisor-experiments")
                .body(Map.of("approve", false, "note", "test over"))
                .post("/gestures/{id}/decision", id)
                .then()
                .statusCode(200));
    held.clear();
    clock.reset();
  }

  @Test
  void grantsUpToTheArmsLatitudeWhenTheDesignComesBeforeTheEnrolment() {
    UUID experiment = UUID.randomUUID();
    UUID customer = customerIn(experiment, "generous");
    publish(designed(experiment, null));
    publish(enrolled(experiment, customer, "generous"));
    awaitArm(customer, experiment);

    String caseId = openCase(customer, "SUPPORT");
    String above = grant(caseId, "50.01", agent());
    held.add(above);
    gesture(above)
        .body("status", equalTo("PENDING_APPROVAL"))
        .body("decision.rule", equalTo("ABOVE_LATITUDE"))
        .body("latitude", equalTo("50.00"))
        .body(
            "decision.detail",
            equalTo(
                "50.01 EUR is above the latitude of 50.00 EUR (experiment "
                    + experiment
                    + ", arm generous)"));
    gesture(grant(caseId, "50.00", agent()))
        .body("status", equalTo("APPROVED"))
        .body("decision.rule", equalTo("WITHIN_LATITUDE"))
        .body(
            "decision.detail",
            equalTo(
                "50.00 EUR is within the latitude of 50.00 EUR (experiment "
                    + experiment
                    + ", arm generous); 50.00 of 50.00 EUR approved for this customer since"
                    + " 2020-02-01"));
  }

  @Test
  void grantsUpToTheArmsLatitudeWhenTheEnrolmentComesBeforeTheDesign() {
    UUID experiment = UUID.randomUUID();
    UUID customer = customerIn(experiment, "generous");
    publish(enrolled(experiment, customer, "generous"));
    awaitStored(() -> enrolments(customer) == 1);
    publish(designed(experiment, null));

    awaitArm(customer, experiment)
        .body("currencies.EUR.latitude", equalTo("50.00"))
        .body("currencies.EUR.atOnce", equalTo("50.00"))
        // The arm names only euros: other currencies keep the policy's latitude.
        .body("currencies.USD.latitude", equalTo("25.00"))
        .body("currencies.USD", not(hasKey("experimentId")));
    gesture(grant(openCase(customer, "SUPPORT"), "40.00", agent()))
        .body("status", equalTo("APPROVED"))
        .body("decision.detail", startsWith("40.00 EUR is within the latitude of 50.00 EUR"));
  }

  @Test
  void neverAppliesAnExperimentWhoseStopCameBeforeItsDesign() {
    UUID experiment = UUID.randomUUID();
    UUID customer = customerIn(experiment, "generous");
    publish(new ExperimentStopped(experiment, NOW.minus(Duration.ofMinutes(5))));
    awaitStored(() -> experiment(experiment, e -> e.stoppedAt != null));
    publish(designed(experiment, null));
    publish(enrolled(experiment, customer, "generous"));
    awaitStored(() -> experiment(experiment, e -> e.startsAt != null) && enrolments(customer) == 1);

    assertTheSegmentsLatitude(customer);
  }

  @Test
  void stopsApplyingTheArmsLatitudeWhenTheExperimentStops() {
    UUID experiment = UUID.randomUUID();
    UUID customer = customerIn(experiment, "generous");
    publish(designed(experiment, null));
    publish(enrolled(experiment, customer, "generous"));
    awaitArm(customer, experiment);

    publish(new ExperimentStopped(experiment, clock.instant()));
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> standing(customer).body("currencies.EUR", not(hasKey("experimentId"))));
    assertTheSegmentsLatitude(customer);
  }

  @Test
  void stopsApplyingTheArmsLatitudeAtTheExperimentsEnd() {
    UUID experiment = UUID.randomUUID();
    UUID customer = customerIn(experiment, "generous");
    publish(designed(experiment, NOW.plus(Duration.ofHours(1))));
    publish(enrolled(experiment, customer, "generous"));
    awaitArm(customer, experiment);

    clock.travelTo(NOW.plus(Duration.ofHours(1)));
    assertTheSegmentsLatitude(customer);
  }

  @Test
  void followsTheComputedArmWhenTheAnnouncedOneDiffers() {
    UUID experiment = UUID.randomUUID();
    UUID customer = customerIn(experiment, "control");
    publish(designed(experiment, null));
    publish(enrolled(experiment, customer, "generous"));
    awaitStored(() -> enrolments(customer) == 1);

    assertTheSegmentsLatitude(customer);
  }

  @Test
  void followsTheExperimentTheCustomerWasEnrolledInFirst() {
    UUID later = UUID.randomUUID();
    UUID earlier = UUID.randomUUID();
    List<ExperimentArm> modest =
        List.of(
            new ExperimentArm("control", 1, null, null),
            new ExperimentArm("generous", 1, null, Map.of("EUR", "40.00")));
    UUID customer = customerIn(later, "generous", earlier, modest);
    // The later enrolment arrives first: the order of arrival must not decide.
    publish(designed(later, null));
    publish(enrolled(later, customer, "generous"));
    awaitArm(customer, later);
    publish(new ExperimentDesigned(earlier, modest, NOW.minus(Duration.ofDays(2)), null));
    publish(new CustomerEnrolled(earlier, customer, "generous", NOW.minus(Duration.ofHours(2))));

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                standing(customer)
                    .body("currencies.EUR.experimentId", equalTo(earlier.toString()))
                    .body("currencies.EUR.latitude", equalTo("40.00")));
    String above = grant(openCase(customer, "SUPPORT"), "40.01", agent());
    held.add(above);
    gesture(above)
        .body("decision.rule", equalTo("ABOVE_LATITUDE"))
        .body(
            "decision.detail",
            equalTo(
                "40.01 EUR is above the latitude of 40.00 EUR (experiment "
                    + earlier
                    + ", arm generous)"));
  }

  @Test
  void dropsTheDuplicatesEnrolmentsOnAMergeAndTheCustomersOnAnErasure() {
    UUID experiment = UUID.randomUUID();
    UUID survivor = customerIn(experiment, "generous");
    UUID duplicate = customerIn(experiment, "generous");
    publish(designed(experiment, null));
    publish(enrolled(experiment, survivor, "generous"));
    publish(enrolled(experiment, duplicate, "generous"));
    awaitStored(() -> enrolments(survivor) == 1 && enrolments(duplicate) == 1);

    publish(new CustomerMerged(survivor, duplicate, NOW));
    awaitStored(() -> enrolments(duplicate) == 0);
    awaitArm(survivor, experiment);

    publish(new CustomerErased(survivor, NOW));
    awaitStored(() -> enrolments(survivor) == 0);
  }

  /**
   * A 30.00 EUR gesture is held at the policy's latitude for the segment, as without experiment.
   */
  private void assertTheSegmentsLatitude(UUID customer) {
    standing(customer)
        .body("currencies.EUR.latitude", equalTo("25.00"))
        .body("currencies.EUR", not(hasKey("experimentId")))
        .body("currencies.EUR", not(hasKey("arm")));
    String above = grant(openCase(customer, "SUPPORT"), "30.00", agent());
    held.add(above);
    gesture(above)
        .body("status", equalTo("PENDING_APPROVAL"))
        .body(
            "decision.detail",
            equalTo("30.00 EUR is above the latitude of 25.00 EUR for segment general"));
  }

  private static ValidatableResponse awaitArm(UUID customer, UUID experiment) {
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                standing(customer)
                    .body("currencies.EUR.experimentId", equalTo(experiment.toString())));
    return standing(customer)
        .body("currencies.EUR.arm", equalTo("generous"))
        .body("currencies.EUR.latitude", equalTo("50.00"));
  }

  private static void awaitStored(java.util.concurrent.Callable<Boolean> stored) {
    Awaitility.await().atMost(WAIT).until(stored);
  }

  private static ValidatableResponse standing(UUID customer) {
    return given()
        .header("X-Actor", "agent-standing")
        .get("/customers/{id}/goodwill", customer)
        .then()
        .statusCode(200);
  }

  private static ValidatableResponse gesture(String id) {
    return given().get("/gestures/{id}", id).then().statusCode(200);
  }

  /** A customer known to the (fake) customer-service whom the shared assignment puts in arm. */
  private static UUID customerIn(UUID experiment, String arm) {
    return customerIn(experiment, arm, experiment, ARMS);
  }

  /** A customer in {@code arm} of {@code experiment} (of ARMS) and of {@code other} too. */
  private static UUID customerIn(
      UUID experiment, String arm, UUID other, List<ExperimentArm> otherArms) {
    while (true) {
      UUID customer = Customers.active();
      if (armOf(experiment, customer, ARMS).equals(arm)
          && armOf(other, customer, otherArms).equals(arm)) {
        return customer;
      }
    }
  }

  private static String armOf(UUID experiment, UUID customer, List<ExperimentArm> arms) {
    List<Assignment.Arm> weighted =
        arms.stream().map(a -> new Assignment.Arm(a.name(), a.weight())).toList();
    return Assignment.armOf(experiment, customer, weighted).name();
  }

  private static ExperimentDesigned designed(UUID experiment, Instant endsAt) {
    return new ExperimentDesigned(experiment, ARMS, NOW.minus(Duration.ofDays(1)), endsAt);
  }

  private static CustomerEnrolled enrolled(UUID experiment, UUID customer, String arm) {
    return new CustomerEnrolled(experiment, customer, arm, NOW.minus(Duration.ofHours(1)));
  }

  private static String agent() {
    return "agent-" + UUID.randomUUID();
  }

  private static void publish(EventData data) {
    try (EventPublisher publisher =
        EventPublisher.to(TestInfrastructure.shared().broker().bootstrapServers())) {
      publisher.publish(data);
    }
  }

  private static long enrolments(UUID customer) {
    return QuarkusTransaction.requiringNew().call(() -> Enrolment.count("customerId", customer));
  }

  private static boolean experiment(UUID id, Predicate<Experiment> stored) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Experiment experiment = Experiment.findById(id);
              return experiment != null && stored.test(experiment);
            });
  }
}
