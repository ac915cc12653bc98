package io.outsidein.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks against a started suite and prints a table of figures against targets. Usage:
 * bench/run.sh [--scenarios single,batch,...] [--load-customers N --load-interactions N]
 * [--population FILE].
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) {
    BenchOptions options = BenchOptions.parse(args);
    Api api = new Api(options.gateway(), options.key());
    List<String> customers;
    if (options.loadCustomers() > 0) {
      System.out.printf(
          "[bench] loading %d customers and %d interactions first...%n",
          options.loadCustomers(), options.loadInteractions());
      customers =
          new BulkLoad(api)
              .load(
                  options.loadCustomers(),
                  options.loadInteractions(),
                  () -> Scenarios.customersKnown(api, options));
    } else if (options.population() == null) {
      customers = Scenarios.createCustomers(api, options.customers());
    } else {
      customers = List.of();
    }
    if (options.population() != null) {
      // Loads add up across runs: the figures are taken over everyone loaded so far.
      customers = Population.addAndRead(options.population(), customers);
      System.out.printf(
          "[bench] population %s: %d customers%n", options.population(), customers.size());
    }
    List<Row> rows = new ArrayList<>();
    // As many connections as the runs keep requests in flight at most.
    try (LoadClient load = new LoadClient(512)) {
      Scenarios scenarios = new Scenarios(api, load, options, customers);
      if (options.warmUp().toSeconds() > 0) {
        System.out.printf("[bench] warming up for %d s...%n", options.warmUp().toSeconds());
        scenarios.warmUp(options.warmUp());
      }
      for (String scenario : options.scenarios()) {
        System.out.printf(
            "[bench] waiting for the event path to drain... %.0f s%n", scenarios.drain());
        System.out.println("[bench] running " + scenario + "...");
        switch (scenario) {
          case "single" -> rows.add(scenarios.singlePosts());
          case "batch" -> rows.add(scenarios.batchIngest());
          case "freshness" -> rows.add(scenarios.freshness());
          case "journey" -> rows.add(scenarios.journey());
          case "overhead" -> rows.add(scenarios.gatewayOverhead());
          case "footprint" -> rows.addAll(Footprint.measure(api));
          default -> throw new IllegalArgumentException(scenario);
        }
        System.out.println("[bench]   " + rows.get(rows.size() - 1).measured());
      }
    }
    System.out.println();
    System.out.println(
        "Measured "
            + LocalDate.now()
            + " on "
            + Runtime.getRuntime().availableProcessors()
            + " cores:");
    System.out.println("| scenario | measured | target | verdict |");
    System.out.println("| --- | --- | --- | --- |");
    rows.forEach(
        r ->
            System.out.printf(
                "| %s | %s | %s | %s |%n", r.scenario(), r.measured(), r.target(), r.verdict()));
  }
}
