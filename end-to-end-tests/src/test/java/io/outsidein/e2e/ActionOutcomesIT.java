package io.outsidein.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.client.ApiException;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.Action;
import io.outsidein.client.model.ActionCode;
import io.outsidein.client.model.ActionOutcome;
import io.outsidein.client.model.RecordAction;
import io.outsidein.launcher.Suite;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test-and-learn loop over the real processes, with the generated client: an action recorded
 * through the gateway is followed by insight-service through the suite's short outcome window
 * (SharedSuite), and its outcome and its comparison group appear in GET /insights/actions.
 */
@ExtendWith(SharedSuite.class)
class ActionOutcomesIT {

  @Test
  void anActionRecordedThroughTheGatewayHasItsOutcomeMeasuredWhenItsWindowEnds(Suite suite)
      throws ApiException {
    ClientFixtures fixtures = new ClientFixtures(suite);
    OutsideIn analyst = OutsideIn.connect(suite.gatewayUrl(), "local-analyst-key");
    String segment = "learn-" + UUID.randomUUID().toString().substring(0, 8);
    List<UUID> customers = fixtures.customers(3, segment);
    for (UUID customer : customers) {
      assertThat(fixtures.record(customer)).isEqualTo(201);
    }
    // Comparisons are chosen by the risk insight knows at the action: wait until it knows all.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> customers.stream().allMatch(c -> fixtures.countedByInsight(c) == 1));

    UUID acted = customers.get(0);
    Action action =
        fixtures
            .agent
            .actions()
            .recordAction(
                acted, new RecordAction().code(ActionCode.PROACTIVE_OUTREACH).note("Called back"));
    assertThat(action.getCustomerId()).isEqualTo(acted);
    assertThat(action.getCode()).isEqualTo(ActionCode.PROACTIVE_OUTREACH);
    assertThat(action.getTakenBy()).isEqualTo("local-agent");
    assertThat(fixtures.agent.actions().listCustomerActions(acted, null, null).getItems())
        .extracting(Action::getId)
        .containsExactly(action.getId());
    // The customer comes back on their own within the window.
    assertThat(fixtures.record(acted)).isEqualTo(201);

    AtomicReference<ActionOutcome> outreach = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              Optional<ActionOutcome> row =
                  analyst.insights().getActionOutcomes(segment, null, null).getItems().stream()
                      .filter(item -> item.getCode() == ActionCode.PROACTIVE_OUTREACH)
                      .findFirst();
              row.ifPresent(outreach::set);
              return row.isPresent() && row.get().getActed().getOutcomes() == 1;
            });
    ActionOutcome measured = outreach.get();
    assertThat(measured.getSegment()).isEqualTo(segment);
    assertThat(measured.getFollowing()).isZero();
    assertThat(measured.getActed().getRetained()).isEqualTo(1);
    assertThat(measured.getActed().getRetainedRate().getRate()).isEqualTo(1.0);
    assertThat(measured.getActed().getRetainedRate().getLow()).isBetween(0.0, 1.0);
    assertThat(measured.getActed().getHealthChange().getMeasured()).isEqualTo(1);
    // The two other customers of the segment, at the same risk, nobody acted on.
    assertThat(measured.getComparison().getOutcomes()).isEqualTo(2);
    assertThat(analyst.insights().getActionOutcomes(segment, null, null).getOutcomeWindow())
        .isEqualTo(SharedSuite.OUTCOME_WINDOW);
  }
}
