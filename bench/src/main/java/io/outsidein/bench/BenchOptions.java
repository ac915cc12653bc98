package io.outsidein.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What to run, against what, and how hard. */
record BenchOptions(
    URI gateway,
    String key,
    URI customerService,
    URI interactionService,
    URI insightService,
    double rate,
    Duration duration,
    Duration warmUp,
    int batches,
    int customers,
    int loadCustomers,
    int loadInteractions,
    Path population,
    List<String> scenarios) {

  static final List<String> ALL =
      List.of("single", "batch", "freshness", "journey", "overhead", "footprint");

  static BenchOptions parse(String... args) {
    java.util.Map<String, String> given = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    BenchOptions options =
        new BenchOptions(
            URI.create(given.getOrDefault("gateway", "http://localhost:8080")),
            given.getOrDefault("key", "local-admin-key"),
            URI.create(given.getOrDefault("customer-service", "http://localhost:8081")),
            URI.create(given.getOrDefault("interaction-service", "http://localhost:8082")),
            URI.create(given.getOrDefault("insight-service", "http://localhost:8083")),
            Double.parseDouble(given.getOrDefault("rate", "1500")),
            Duration.ofSeconds(Long.parseLong(given.getOrDefault("seconds", "60"))),
            Duration.ofSeconds(Long.parseLong(given.getOrDefault("warm-up", "60"))),
            Integer.parseInt(given.getOrDefault("batches", "150")),
            Integer.parseInt(given.getOrDefault("customers", "200")),
            Integer.parseInt(given.getOrDefault("load-customers", "0")),
            Integer.parseInt(given.getOrDefault("load-interactions", "0")),
            given.containsKey("population") ? Path.of(given.get("population")) : null,
            List.of(given.getOrDefault("scenarios", String.join(",", ALL)).split(",")));
    List<String> unknown = options.scenarios().stream().filter(s -> !ALL.contains(s)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown scenarios " + unknown + "; known: " + ALL);
    }
    return options;
  }
}
