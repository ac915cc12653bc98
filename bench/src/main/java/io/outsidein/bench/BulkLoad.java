package io.outsidein.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a large population through the public API for the journey's data-size target: customers one
 * POST each, several at once, then their interactions in batches of 1,000 spread over the past 180
 * days. Generated as it goes, so two million interactions need no more memory than one batch per
 * thread (the demo loader plans a whole population first and suits a few thousand customers).
 */
final class BulkLoad {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final String[] CHANNELS = {"WEB", "EMAIL", "PHONE", "CHAT", "STORE"};
  private static final String[] DEPARTMENTS = {"SALES", "SUPPORT", "BILLING", "MARKETING"};
  private static final String[] TYPES = {"VISIT", "PURCHASE", "INQUIRY", "COMPLAINT", "FEEDBACK"};
  private static final int BATCH = 1000;

  private final Api api;

  BulkLoad(Api api) {
    this.api = api;
  }

  /**
   * Creates the customers, waits for the services to hear of them (interaction-service would
   * otherwise ask customer-service about each one), then records the interactions; answers the new
   * customers' ids.
   */
  List<String> load(int customers, int interactions, Runnable settle) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String[] ids = new String[customers];
    long started = System.nanoTime();
    parallel(16, customers, "customers", i -> ids[i] = createCustomer(api, "load", run, i));
    System.out.printf("[bench] %d customers in %.0f s%n", customers, seconds(started));
    settle.run();

    started = System.nanoTime();
    int batches = (interactions + BATCH - 1) / BATCH;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    parallel(
        4,
        batches,
        "interaction batches",
        b -> record(ids, Math.min(BATCH, interactions - b * BATCH), new Random(b), now));
    System.out.printf("[bench] %d interactions in %.0f s%n", interactions, seconds(started));
    return Arrays.asList(ids);
  }

  /** Creates one customer labelled for the run (its segment and email say where it came from). */
  static String createCustomer(Api api, String label, String run, int i) {
    HttpResponse<String> res =
        api.send(
            api.post(
                "/customers",
                "{\"displayName\":\""
                    + label
                    + " "
                    + i
                    + "\",\"email\":\""
                    + label
                    + "-"
                    + run
                    + "-"
                    + i
                    + "@example.com\",\"segment\":\""
                    + label
                    + "\"}"));
    Matcher m = ID.matcher(res.body());
    if (res.statusCode() != 201 || !m.find()) {
      throw new IllegalStateException(
          "creating a customer answered " + res.statusCode() + ": " + res.body());
    }
    return m.group(1);
  }

  private void record(String[] customers, int size, Random random, Instant now) {
    StringBuilder body = new StringBuilder("{\"items\":[");
    for (int i = 0; i < size; i++) {
      Instant at = now.minus(Duration.ofMinutes(1 + random.nextInt(180 * 24 * 60)));
      body.append(i == 0 ? "" : ",")
          .append("{\"customerId\":\"")
          .append(customers[random.nextInt(customers.length)])
          .append("\",\"occurredAt\":\"")
          .append(at)
          .append("\",\"channel\":\"")
          .append(CHANNELS[random.nextInt(CHANNELS.length)])
          .append("\",\"department\":\"")
          .append(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)])
          .append("\",\"type\":\"")
          .append(TYPES[random.nextInt(TYPES.length)])
          .append("\",\"summary\":\"load\"}");
    }
    HttpResponse<String> res = api.send(api.post("/interactions/batch", body.append("]}") + ""));
    int stored = count(res.body(), "\"status\":201");
    if (res.statusCode() >= 300 || stored != size) {
      throw new IllegalStateException(
          "a batch of " + size + " stored " + stored + " (" + res.statusCode() + ")");
    }
  }

  private static void parallel(int threads, int tasks, String what, IntConsumer task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, tasks / 20);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  task.accept(index);
                  int n = done.incrementAndGet();
                  if (n % step == 0) {
                    System.out.printf("[bench]   %s: %d/%d%n", what, n, tasks);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("loading " + what + " failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** How often the needle occurs in the text: the stored items of a batch answer. */
  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
