package io.outsidein.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.client.ApiException;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.AtRisk;
import io.outsidein.client.model.ChurnRisk;
import io.outsidein.demo.DemoLoader;
import io.outsidein.demo.DemoOptions;
import io.outsidein.e2e.RunningSuite;
import io.outsidein.launcher.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: {@code bench/console-timing.sh} runs it (Maven profile {@code
 * console-timing}); {@code ./mvnw verify} does not, and it asserts no time. How long the customer
 * page takes to show every part, read in the browser: from the navigation to the console's
 * performance mark {@code customer-page-ready}, over customers of the demo population. Two ways in:
 * the address opened afresh (the console loads, reads the published document, then the journey) and
 * a move from one customer's page to the next within the console.
 */
class ConsoleTiming {
  private static final String READY =
      "return performance.getEntriesByName('customer-page-ready')"
          + ".some((mark) => mark.detail === arguments[0])";
  private static final String READY_AT =
      "return performance.getEntriesByName('customer-page-ready')"
          + ".find((mark) => mark.detail === arguments[0]).startTime";
  private static final int WARM_UP = 3;

  @Test
  void customerPageShowsEveryPart() throws ApiException, IOException {
    String given = System.getProperty("console.timing.gateway", "");
    int count = Integer.getInteger("console.timing.customers", 20);
    Suite suite = given.isBlank() ? RunningSuite.start() : null;
    try {
      String gateway = suite == null ? given : suite.gatewayUrl();
      List<String> population = suite == null ? demoCustomers(gateway) : loadDemo(gateway);
      assertThat(population).hasSizeGreaterThan(count + WARM_UP);
      List<String> customers = new ArrayList<>();
      for (int i = 0; i < count + WARM_UP; i++) {
        customers.add(population.get(i * population.size() / (count + WARM_UP)));
      }
      try (Browser browser = Browser.start(gateway)) {
        browser.signInAs("agent");
        List<Double> fresh = new ArrayList<>();
        List<Double> within = new ArrayList<>();
        int degraded = 0;
        for (int i = 0; i < customers.size(); i++) {
          String customer = customers.get(i);
          browser.leave();
          browser.openCustomer(UUID.fromString(customer));
          browser.waitUntil(READY, customer);
          double opened = millis(browser.run(READY_AT, customer));
          degraded += degradedParts(browser);
          // Then from this page to the next customer's, as a link within the console moves.
          String next = customers.get((i + 1) % customers.size());
          browser.run(
              "performance.clearMarks('customer-page-ready');"
                  + "window.timingFrom = performance.now();"
                  + "location.hash = '#/customers/' + arguments[0];",
              next);
          browser.waitUntil(READY, next);
          double moved =
              millis(
                  browser.run(READY_AT.replace("return ", "return -window.timingFrom + "), next));
          degraded += degradedParts(browser);
          // The first pages warm the services' JIT and the browser's cache: not counted.
          if (i >= WARM_UP) {
            fresh.add(opened);
            within.add(moved);
          }
        }
        report(gateway, population.size(), fresh, within, degraded);
      }
    } finally {
      if (suite != null) {
        suite.close();
      }
    }
  }

  /** A fresh suite with the demo population of ./run.sh --demo; its customers' ids. */
  private static List<String> loadDemo(String gateway) {
    DemoOptions demo = DemoOptions.parse("--gateway", gateway);
    System.out.println("[console-timing] loading the demo population (./run.sh --demo's)...");
    return new DemoLoader(
            OutsideIn.connect(gateway, demo.apiKey()),
            demo.threads(),
            line -> System.out.println("[demo] " + line))
        .load(demo)
        .customerIds();
  }

  /** Customers of a started suite with demo data, of every risk. */
  private static List<String> demoCustomers(String gateway) throws ApiException {
    return OutsideIn.connect(gateway, "local-analyst-key")
        .insights()
        .listCustomersAtRisk(null, ChurnRisk.LOW, 200, null)
        .getItems()
        .stream()
        .map(AtRisk::getCustomerId)
        .map(UUID::toString)
        .toList();
  }

  private static int degradedParts(Browser browser) {
    return ((Number) browser.run("return document.querySelectorAll('main .degraded').length"))
        .intValue();
  }

  private static double millis(Object value) {
    return ((Number) value).doubleValue();
  }

  private static void report(
      String gateway, int population, List<Double> fresh, List<Double> within, int degraded)
      throws IOException {
    String text =
        """
        [console-timing] %s, %s: %d customers of %d, after %d pages of warm-up
        [console-timing] address opened afresh:        median %4.0f ms, p95 %4.0f ms, max %4.0f ms
        [console-timing] from one customer's page:     median %4.0f ms, p95 %4.0f ms, max %4.0f ms
        [console-timing] parts shown as unavailable: %d
        """
            .formatted(
                LocalDate.now(),
                gateway,
                fresh.size(),
                population,
                WARM_UP,
                percentile(fresh, 50),
                percentile(fresh, 95),
                percentile(fresh, 100),
                percentile(within, 50),
                percentile(within, 95),
                percentile(within, 100),
                degraded);
    System.out.print(text);
    Path out = Path.of("target", "console-timing.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  /** The nearest-rank percentile. */
  private static double percentile(List<Double> values, int percent) {
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
