package io.outsidein.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.client.ApiException;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.ActionCode;
import io.outsidein.client.model.ArmComparison;
import io.outsidein.client.model.ArmResult;
import io.outsidein.client.model.CustomerExperiment;
import io.outsidein.client.model.CustomerInsights;
import io.outsidein.client.model.Experiment;
import io.outsidein.client.model.ExperimentArm;
import io.outsidein.client.model.ExperimentOutcome;
import io.outsidein.client.model.ExperimentPage;
import io.outsidein.client.model.ExperimentPopulation;
import io.outsidein.client.model.ExperimentResults;
import io.outsidein.client.model.ExperimentStatus;
import io.outsidein.client.model.ExperimentTreatment;
import io.outsidein.client.model.InteractionType;
import io.outsidein.client.model.NewExperiment;
import io.outsidein.client.model.RecordAction;
import io.outsidein.client.model.Verdict;
import io.outsidein.experiments.Assignment;
import io.outsidein.launcher.Suite;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test and learn over the real processes, with the generated client and the suite's short outcome
 * window (SharedSuite): an analyst designs an experiment, the customers who match are enrolled and
 * see their arm in their insights, the front line acts as the arm says, the customers behave as
 * planted, and when the windows close the results find the planted difference with the right sign;
 * a second experiment, where both arms behave alike, never answers BETTER.
 */
@ExtendWith(SharedSuite.class)
class ExperimentIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void theResultsFindAPlantedDifferenceAndNoneWhereNoneWasPlanted(Suite suite) throws ApiException {
    ClientFixtures fixtures = new ClientFixtures(suite);
    OutsideIn analyst = OutsideIn.connect(suite.gatewayUrl(), "local-analyst-key");
    String planted = "exp-" + UUID.randomUUID().toString().substring(0, 8);
    String alike = "exp-" + UUID.randomUUID().toString().substring(0, 8);
    // Enough that each arm reaches the minimum of 20 outcomes with near certainty (72 at 1:1).
    List<UUID> customers = fixtures.customers(72, planted);
    List<UUID> others = fixtures.customers(48, alike);
    fixtures.recordBatch(customers, 1);
    fixtures.recordBatch(others, 1);
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> fixtures.countedByInsight(customers) + fixtures.countedByInsight(others) == 120);

    // Experiments other tests left running (FuzzIT designs valid ones at random, for every
    // customer) would enrol these customers too and recommend their own arms first.
    stopEveryRunningExperiment(analyst);
    Experiment experiment = analyst.experiments().designExperiment(design("Call back", planted));
    Experiment noEffect = analyst.experiments().designExperiment(design("Call back alike", alike));
    List<Assignment.Arm> arms =
        List.of(new Assignment.Arm("control", 1), new Assignment.Arm("callBack", 1));

    // Enrolled on the next round; each insight names the arm every service computes alike.
    Map<UUID, String> armOf = new HashMap<>();
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              for (UUID c : customers) {
                if (!armOf.containsKey(c)) {
                  enrolment(fixtures.agent, c, experiment.getId())
                      .ifPresent(e -> armOf.put(c, e.getArm()));
                }
              }
              return armOf.size() == customers.size();
            });
    List<UUID> callBack = new ArrayList<>();
    List<UUID> control = new ArrayList<>();
    for (UUID c : customers) {
      assertThat(armOf.get(c)).isEqualTo(Assignment.armOf(experiment.getId(), c, arms).name());
      (armOf.get(c).equals("callBack") ? callBack : control).add(c);
    }
    CustomerInsights treated = fixtures.agent.insights().getCustomerInsights(callBack.get(0));
    assertThat(treated.getNextBestActions().get(0).getCode()).isEqualTo("PROACTIVE_OUTREACH");
    assertThat(treated.getNextBestActions().get(0).getExperimentId()).isEqualTo(experiment.getId());
    // The journey view, the front line's one page, names the experiment and the arm too.
    assertThat(
            fixtures
                .agent
                .customers()
                .getCustomerJourney(callBack.get(0))
                .getInsights()
                .getExperiments())
        .extracting(CustomerExperiment::getArm)
        .containsExactly("callBack");
    assertThat(fixtures.agent.insights().getCustomerInsights(control.get(0)).getNextBestActions())
        .noneMatch(a -> a.getCode().equals("PROACTIVE_OUTREACH"));
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () ->
                others.stream()
                    .allMatch(c -> enrolment(fixtures.agent, c, noEffect.getId()).isPresent()));

    // Each customer is followed for the suite's 20-second window from enrolment, so what they do
    // must land within it even on a loaded machine: the control's cancellations and the alike
    // segment's visits go first, in one batch each. Then the front line calls the treated arm back
    // and they come back.
    fixtures.recordBatch(control, InteractionType.CANCELLATION);
    fixtures.recordBatch(others, InteractionType.VISIT);
    for (UUID c : callBack) {
      fixtures
          .agent
          .actions()
          .recordAction(c, new RecordAction().code(ActionCode.PROACTIVE_OUTREACH));
      assertThat(fixtures.record(c)).isEqualTo(201);
    }
    // Called back: the action is no longer recommended to them (while its window is open).
    UUID calledBack = callBack.get(callBack.size() - 1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                fixtures
                    .agent
                    .insights()
                    .getCustomerInsights(calledBack)
                    .getNextBestActions()
                    .stream()
                    .noneMatch(a -> a.getCode().equals("PROACTIVE_OUTREACH")));

    ExperimentResults results = closed(analyst, experiment.getId(), customers.size());
    ArmResult treatedArm = arm(results, "callBack");
    ArmResult controlArm = arm(results, "control");
    assertThat(treatedArm.getOutcomes()).isEqualTo(callBack.size());
    assertThat(controlArm.getOutcomes()).isEqualTo(control.size());
    assertThat(treatedArm.getEstimate().getValue()).isEqualTo(1.0);
    assertThat(controlArm.getEstimate().getValue()).isEqualTo(0.0);
    ArmComparison comparison = results.getComparisons().get(0);
    assertThat(comparison.getArm()).isEqualTo("callBack");
    assertThat(comparison.getControl()).isEqualTo("control");
    assertThat(comparison.getDifference().getValue()).isEqualTo(1.0);
    assertThat(comparison.getDifference().getLow()).isPositive();
    assertThat(comparison.getpValue()).isLessThan(0.05);
    assertThat(comparison.getVerdict()).isEqualTo(Verdict.BETTER);
    assertThat(results.getVerdict()).isEqualTo(Verdict.BETTER);
    assertThat(results.getSegments())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getSegment()).isEqualTo(planted);
              assertThat(s.getComparisons().get(0).getVerdict()).isEqualTo(Verdict.BETTER);
            });

    ExperimentResults same = closed(analyst, noEffect.getId(), others.size());
    assertThat(same.getVerdict()).isIn(Verdict.NO_DIFFERENCE, Verdict.NOT_ENOUGH_DATA);
    assertThat(same.getComparisons().get(0).getVerdict()).isNotEqualTo(Verdict.BETTER);

    // Stopped: the customers are no longer in it.
    analyst.experiments().stopExperiment(experiment.getId());
    assertThat(enrolment(fixtures.agent, callBack.get(1), experiment.getId())).isEmpty();
  }

  private static void stopEveryRunningExperiment(OutsideIn analyst) throws ApiException {
    String cursor = null;
    do {
      ExperimentPage page = analyst.experiments().listExperiments(200, cursor);
      for (Experiment e : page.getItems()) {
        if (e.getStatus() == ExperimentStatus.RUNNING
            || e.getStatus() == ExperimentStatus.SCHEDULED) {
          analyst.experiments().stopExperiment(e.getId());
        }
      }
      cursor = page.getNext();
    } while (cursor != null);
  }

  private static NewExperiment design(String name, String segment) {
    return new NewExperiment()
        .name(name + " " + segment)
        .hypothesis("A call brings customers back")
        .population(new ExperimentPopulation().segment(segment))
        .arms(
            List.of(
                new ExperimentArm().name("control").weight(1),
                new ExperimentArm()
                    .name("callBack")
                    .weight(1)
                    .treatment(new ExperimentTreatment().action(ActionCode.PROACTIVE_OUTREACH))))
        .outcome(ExperimentOutcome.RETAINED)
        .startsAt(OffsetDateTime.now().minusMinutes(1));
  }

  /** The customer's enrolment in the experiment, as their insights name it. */
  private static java.util.Optional<CustomerExperiment> enrolment(
      OutsideIn agent, UUID customer, UUID experiment) {
    try {
      return agent.insights().getCustomerInsights(customer).getExperiments().stream()
          .filter(e -> e.getExperimentId().equals(experiment))
          .findFirst();
    } catch (ApiException e) {
      throw new IllegalStateException("insights answered " + e.getCode(), e);
    }
  }

  /** The results once every enrolled customer's window has closed. */
  private static ExperimentResults closed(OutsideIn analyst, UUID experiment, int customers) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(
            () ->
                analyst.experiments().getExperimentResults(experiment).getArms().stream()
                        .mapToInt(ArmResult::getOutcomes)
                        .sum()
                    == customers);
    try {
      return analyst.experiments().getExperimentResults(experiment);
    } catch (ApiException e) {
      throw new AssertionError(e);
    }
  }

  private static ArmResult arm(ExperimentResults results, String name) {
    return results.getArms().stream()
        .filter(a -> a.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
