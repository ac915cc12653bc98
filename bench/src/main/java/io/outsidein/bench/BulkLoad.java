package io.outsidein.bench;

import io.outsidein.client.model.Channel;
import io.outsidein.client.model.Customer;
import io.outsidein.client.model.Department;
import io.outsidein.client.model.InteractionBatch;
import io.outsidein.client.model.InteractionBatchResult;
import io.outsidein.client.model.InteractionType;
import io.outsidein.client.model.NewCustomer;
import io.outsidein.client.model.NewInteraction;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

/**
 * Loads a large population through the public API for the journey's data-size target: customers one
 * POST each, several at once, then their interactions in batches of 1,000 spread over the past 180
 * days. Generated as it goes, so two million interactions need no more memory than one batch per
 * thread (the demo loader plans a whole population first and suits a few thousand customers).
 */
final class BulkLoad {
  private static final Channel[] CHANNELS = {
    Channel.WEB, Channel.EMAIL, Channel.PHONE, Channel.CHAT, Channel.STORE
  };
  private static final Department[] DEPARTMENTS = {
    Department.SALES, Department.SUPPORT, Department.BILLING, Department.MARKETING
  };
  private static final InteractionType[] TYPES = {
    InteractionType.VISIT,
    InteractionType.PURCHASE,
    InteractionType.INQUIRY,
    InteractionType.COMPLAINT,
    InteractionType.FEEDBACK
  };
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
    NewCustomer customer =
        new NewCustomer()
            .displayName(label + " " + i)
            .email(label + "-" + run + "-" + i + "@example.com")
            .segment(label);
    HttpResponse<String> res = api.send(api.post("/customers", customer));
    if (res.statusCode() != 201) {
      throw new IllegalStateException(
          "creating a customer answered " + res.statusCode() + ": " + res.body());
    }
    return Api.read(res.body(), Customer.class).getId().toString();
  }

  private void record(String[] customers, int size, Random random, Instant now) {
    InteractionBatch batch = new InteractionBatch();
    for (int i = 0; i < size; i++) {
      Instant at = now.minus(Duration.ofMinutes(1 + random.nextInt(180 * 24 * 60)));
      batch.addItemsItem(
          new NewInteraction()
              .customerId(UUID.fromString(customers[random.nextInt(customers.length)]))
              .occurredAt(at.atOffset(ZoneOffset.UTC))
              .channel(CHANNELS[random.nextInt(CHANNELS.length)])
              .department(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)])
              .type(TYPES[random.nextInt(TYPES.length)])
              .summary("load"));
    }
    HttpResponse<String> res = api.send(api.post("/interactions/batch", batch));
    int stored = res.statusCode() >= 300 ? 0 : stored(res.body());
    if (res.statusCode() >= 300 || stored != size) {
      throw new IllegalStateException(
          "a batch of " + size + " stored " + stored + " (" + res.statusCode() + ")");
    }
  }

  /** The items of a batch's answer that were stored (201). */
  static int stored(String batchAnswer) {
    return (int)
        Api.read(batchAnswer, InteractionBatchResult.class).getResults().stream()
            .filter(r -> r.getStatus() == 201)
            .count();
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

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
