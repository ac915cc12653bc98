package io.outsidein.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.outsidein.demo.Plan.PlannedCase;
import io.outsidein.demo.Plan.PlannedInteraction;
import io.outsidein.events.interaction.Department;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Loads a generated population through the public API only: customers, then their cases (with
 * handoffs, gestures and resolutions), then every touchpoint in batches.
 */
public final class DemoLoader {
  private static final int BATCH = 1000;

  private final PublicApi api;
  private final int threads;
  private final Consumer<String> progress;

  public DemoLoader(PublicApi api, int threads, Consumer<String> progress) {
    this.api = api;
    this.threads = threads;
    this.progress = progress;
  }

  /** What was loaded, and which customers were planted as at risk. */
  public record Result(
      List<String> customerIds,
      int cases,
      int gestures,
      int interactions,
      Map<Persona, Integer> personas,
      Duration took) {

    public int customers() {
      return customerIds.size();
    }
  }

  public Result load(DemoOptions options) {
    Instant started = Instant.now();
    String runTag = Long.toString(started.getEpochSecond(), 36);
    List<Plan> plans =
        new Population(options.seed(), started)
            .generate(options.customers(), options.interactions(), runTag);
    Map<Persona, Integer> personas = new EnumMap<>(Persona.class);
    plans.forEach(p -> personas.merge(p.persona(), 1, Integer::sum));
    progress.accept(
        "planned " + plans.size() + " customers " + personas + " (seed " + options.seed() + ")");

    String[] customerIds = new String[plans.size()];
    parallel(plans.size(), "customers", i -> customerIds[i] = createCustomer(plans.get(i)));

    List<String[]> caseIds = new ArrayList<>(plans.size());
    plans.forEach(p -> caseIds.add(new String[p.cases().size()]));
    AtomicInteger gestures = new AtomicInteger();
    parallel(
        plans.size(),
        "customers' cases",
        i -> {
          Plan plan = plans.get(i);
          for (int c = 0; c < plan.cases().size(); c++) {
            caseIds.get(i)[c] = runCase(customerIds[i], plan.cases().get(c), gestures);
          }
        });

    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      for (PlannedInteraction touch : plans.get(i).interactions()) {
        items.add(
            interaction(
                customerIds[i],
                touch,
                touch.caseIndex() < 0 ? null : caseIds.get(i)[touch.caseIndex()]));
      }
    }
    int batches = (items.size() + BATCH - 1) / BATCH;
    AtomicInteger refused = new AtomicInteger();
    parallel(
        batches,
        "interaction batches",
        b -> {
          List<Map<String, Object>> chunk =
              items.subList(b * BATCH, Math.min(items.size(), (b + 1) * BATCH));
          JsonNode results =
              api.post("/interactions/batch", Map.of("items", chunk)).path("results");
          results.forEach(
              r -> {
                if (r.path("status").asInt(201) >= 300) {
                  refused.incrementAndGet();
                }
              });
        });
    if (refused.get() > 0) {
      throw new IllegalStateException(refused.get() + " generated interactions were refused");
    }
    int cases = plans.stream().mapToInt(p -> p.cases().size()).sum();
    return new Result(
        List.of(customerIds),
        cases,
        gestures.get(),
        items.size(),
        personas,
        Duration.between(started, Instant.now()));
  }

  private String createCustomer(Plan plan) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("displayName", plan.displayName());
    body.put("email", plan.email());
    body.put("segment", plan.segment());
    return api.post("/customers", body).path("id").asText();
  }

  /** Opens the case, hands it along its path, offers a gesture, and resolves it if planned. */
  private String runCase(String customerId, PlannedCase planned, AtomicInteger gestures) {
    List<Department> path = planned.departments();
    String caseId =
        api.post(
                "/cases",
                Map.of(
                    "customerId",
                    customerId,
                    "subject",
                    planned.subject(),
                    "department",
                    path.get(0)))
            .path("id")
            .asText();
    for (int i = 1; i < path.size(); i++) {
      api.post(
          "/cases/" + caseId + "/handoffs",
          Map.of("toDepartment", path.get(i), "note", "Passed on for follow-up"));
    }
    if (planned.gesture() != null) {
      JsonNode gesture =
          api.post(
              "/cases/" + caseId + "/gestures",
              Map.of(
                  "amount",
                  Map.of("value", planned.gesture().toPlainString(), "currency", "EUR"),
                  "reason",
                  "Sorry for the trouble"));
      gestures.incrementAndGet();
      // Supervisors approve most larger gestures; some stay pending for the demo.
      if ("PENDING_APPROVAL".equals(gesture.path("status").asText())
          && planned.gesture().compareTo(BigDecimal.valueOf(60)) < 0) {
        api.post(
            "/gestures/" + gesture.path("id").asText() + "/decision",
            Map.of("approve", true, "note", "Fair"));
      }
    }
    if (planned.resolved()) {
      api.post("/cases/" + caseId + "/resolution", Map.of("resolution", "Replaced the item"));
    }
    return caseId;
  }

  private static Map<String, Object> interaction(
      String customerId, PlannedInteraction touch, String caseId) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("customerId", customerId);
    item.put("occurredAt", touch.occurredAt().toString());
    item.put("channel", touch.channel());
    item.put("department", touch.department());
    item.put("type", touch.type());
    item.put("summary", touch.summary());
    if (caseId != null) {
      item.put("caseId", caseId);
    }
    if (touch.rating() != null) {
      item.put("rating", Map.of("scale", touch.rating().scale(), "score", touch.rating().score()));
    }
    if (touch.sentiment() != null) {
      item.put("sentiment", Math.round(touch.sentiment() * 100) / 100.0);
    }
    if (touch.amount() != null) {
      item.put("amount", Map.of("value", touch.amount().toPlainString(), "currency", "EUR"));
    }
    return item;
  }

  /** Runs {@code work} for 0..count-1 on the pool, printing progress about every tenth. */
  private void parallel(int count, String what, IntConsumer work) {
    if (count == 0) {
      return;
    }
    Instant start = Instant.now();
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, count / 10);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  work.accept(index);
                  int n = done.incrementAndGet();
                  if (n % step == 0 || n == count) {
                    progress.accept(
                        String.format(
                            "%s: %d/%d (%d s)",
                            what, n, count, Duration.between(start, Instant.now()).toSeconds()));
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("loading " + what + " failed: " + rootMessage(e), e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /**
   * Command line: {@code --gateway URL --key KEY --customers N --interactions N --seed N --threads
   * N}.
   */
  public static void main(String[] args) {
    DemoOptions options = DemoOptions.parse(args);
    DemoLoader loader =
        new DemoLoader(
            new PublicApi(URI.create(options.gateway()), options.apiKey()),
            options.threads(),
            line -> System.out.println("[demo] " + line));
    Result result = loader.load(options);
    System.out.printf(
        "[demo] loaded %d customers, %d cases, %d gestures, %d interactions in %d s%n",
        result.customers(),
        result.cases(),
        result.gestures(),
        result.interactions(),
        result.took().toSeconds());
  }
}
