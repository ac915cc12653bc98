package io.outsidein.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.client.ApiException;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.Action;
import io.outsidein.client.model.ActionCode;
import io.outsidein.demo.DemoLoader;
import io.outsidein.demo.DemoOptions;
import io.outsidein.demo.DemoStory;
import io.outsidein.launcher.Suite;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's test-and-learn story runs against a suite through the public API: the experiment is
 * designed, the loaded silent customers are enrolled in both arms, the call-back arm is called back
 * (recorded as actions) and the gesture segment's customers behave as planted. The size of the
 * effects is the README's documented run: in this shared suite other tests' customers take part
 * too, so the figures here are not the story's alone.
 */
@ExtendWith(SharedSuite.class)
class DemoStoryIT {

  @Test
  void plantsTheStoryThroughThePublicApi(Suite suite) throws ApiException {
    DemoOptions options =
        DemoOptions.parse(
            "--gateway", suite.gatewayUrl(),
            "--customers", "200",
            "--interactions", "2000",
            "--threads", "4",
            "--seed", "11");
    OutsideIn admin = OutsideIn.connect(options.gateway(), options.apiKey());
    DemoLoader.Result loaded =
        new DemoLoader(admin, options.threads(), line -> System.out.println("[demo] " + line))
            .load(options);
    ClientFixtures api = new ClientFixtures(suite);
    List<UUID> customers = loaded.customerIds().stream().map(UUID::fromString).toList();
    // The population is matched on insight's risk and reasons: wait until it has everything.
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> assertThat(api.countedByInsight(customers)).isEqualTo(loaded.interactions()));

    DemoStory.Result story =
        new DemoStory(admin, line -> System.out.println("[demo] " + line)).plant(loaded);
    try {
      assertThat(story.calledBack()).isPositive();
      assertThat(story.control()).isPositive();
      assertThat(story.cameBackAfterCall()).isEqualTo(Math.round(story.calledBack() * 0.6f));
      assertThat(story.gestureCustomers() + story.withoutGesture()).isPositive();
      // Each enrolled customer of the call-back arm was called back, as an action on record.
      UUID calledBack =
          loaded.loaded().stream()
              .map(DemoLoader.Loaded::id)
              .filter(c -> armOf(api.agent, c, story.experimentId()).equals("callBack"))
              .findFirst()
              .orElseThrow();
      assertThat(api.agent.actions().listCustomerActions(calledBack, null, null).getItems())
          .extracting(Action::getCode)
          .contains(ActionCode.PROACTIVE_OUTREACH);
    } finally {
      // Other tests' customers must not stay in the story's experiment.
      OutsideIn.connect(suite.gatewayUrl(), "local-analyst-key")
          .experiments()
          .stopExperiment(story.experimentId());
    }
  }

  private static String armOf(OutsideIn agent, UUID customer, UUID experiment) {
    try {
      return agent.insights().getCustomerInsights(customer).getExperiments().stream()
          .filter(e -> e.getExperimentId().equals(experiment))
          .map(e -> e.getArm())
          .findFirst()
          .orElse("");
    } catch (ApiException e) {
      throw new AssertionError(e);
    }
  }
}
