package io.outsidein.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.client.OutsideIn;
import io.outsidein.demo.DemoLoader;
import io.outsidein.demo.DemoOptions;
import io.outsidein.launcher.Suite;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo loader fills a suite through the generated client, and insight counts all it sent. */
@ExtendWith(SharedSuite.class)
class DemoDataIT {

  @Test
  void loadsASmallPopulationThroughTheGeneratedClient(Suite suite) {
    DemoOptions options =
        DemoOptions.parse(
            "--gateway", suite.gatewayUrl(),
            "--customers", "40",
            "--interactions", "400",
            "--threads", "4",
            "--seed", "7");

    DemoLoader.Result result =
        new DemoLoader(
                OutsideIn.connect(options.gateway(), options.apiKey()),
                options.threads(),
                line -> System.out.println("[demo] " + line))
            .load(options);

    assertThat(result.customers()).isEqualTo(40);
    assertThat(result.interactions()).isPositive();
    assertThat(result.cases()).isPositive();
    ClientFixtures api = new ClientFixtures(suite);
    List<UUID> customers = result.customerIds().stream().map(UUID::fromString).toList();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> assertThat(api.countedByInsight(customers)).isEqualTo(result.interactions()));
  }
}
