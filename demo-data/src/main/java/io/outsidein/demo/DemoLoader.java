package io.outsidein.demo;

import io.outsidein.client.ApiException;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.BatchItemResult;
import io.outsidein.client.model.Channel;
import io.outsidein.client.model.Department;
import io.outsidein.client.model.Gesture;
import io.outsidein.client.model.GestureDecision;
import io.outsidein.client.model.GestureStatus;
import io.outsidein.client.model.GrantGesture;
import io.outsidein.client.model.GrantGestureAmount;
import io.outsidein.client.model.HandoffRequest;
import io.outsidein.client.model.InteractionBatch;
import io.outsidein.client.model.InteractionType;
import io.outsidein.client.model.Money;
import io.outsidein.client.model.NewCase;
import io.outsidein.client.model.NewCustomer;
import io.outsidein.client.model.NewInteraction;
import io.outsidein.client.model.Rating;
import io.outsidein.client.model.ResolutionRequest;
import io.outsidein.demo.Plan.PlannedCase;
import io.outsidein.demo.Plan.PlannedInteraction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Loads a generated population through the public API only, with the generated client: customers,
 * then their cases (with handoffs, gestures and resolutions), then every touchpoint in batches.
 */
public final class DemoLoader {
  private static final int BATCH = 1000;
  private static final int ATTEMPTS = 5;

  private final OutsideIn api;
  private final int threads;
  private final Consumer<String> progress;

  /** Cases whose gesture ended approved, taken by the thread that ran the case. */
  private final java.util.Set<UUID> approvedGestures =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  public DemoLoader(OutsideIn api, int threads, Consumer<String> progress) {
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
      Duration took,
      List<Loaded> loaded) {

    public int customers() {
      return customerIds.size();
    }
  }

  /** One customer as loaded: who they were planted as, and whether a gesture was approved. */
  public record Loaded(UUID id, Persona persona, String segment, boolean gestureApproved) {}

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

    UUID[] customerIds = new UUID[plans.size()];
    parallel(plans.size(), "customers", i -> customerIds[i] = createCustomer(plans.get(i)));

    List<UUID[]> caseIds = new ArrayList<>(plans.size());
    plans.forEach(p -> caseIds.add(new UUID[p.cases().size()]));
    AtomicInteger gestures = new AtomicInteger();
    boolean[] approved = new boolean[plans.size()];
    parallel(
        plans.size(),
        "customers' cases",
        i -> {
          Plan plan = plans.get(i);
          for (int c = 0; c < plan.cases().size(); c++) {
            caseIds.get(i)[c] = runCase(customerIds[i], plan.cases().get(c), gestures);
            approved[i] |= approvedGestures.remove(caseIds.get(i)[c]);
          }
        });

    List<NewInteraction> items = new ArrayList<>();
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
          List<NewInteraction> chunk =
              items.subList(b * BATCH, Math.min(items.size(), (b + 1) * BATCH));
          List<BatchItemResult> results =
              politely(
                      () ->
                          api.interactions()
                              .recordInteractionBatch(new InteractionBatch().items(chunk)))
                  .getResults();
          results.stream()
              .filter(r -> r.getStatus() >= 300)
              .forEach(r -> refused.incrementAndGet());
        });
    if (refused.get() > 0) {
      throw new IllegalStateException(refused.get() + " generated interactions were refused");
    }
    int cases = plans.stream().mapToInt(p -> p.cases().size()).sum();
    return new Result(
        Arrays.stream(customerIds).map(UUID::toString).toList(),
        cases,
        gestures.get(),
        items.size(),
        personas,
        Duration.between(started, Instant.now()),
        java.util.stream.IntStream.range(0, plans.size())
            .mapToObj(
                i ->
                    new Loaded(
                        customerIds[i],
                        plans.get(i).persona(),
                        plans.get(i).segment(),
                        approved[i]))
            .toList());
  }

  private UUID createCustomer(Plan plan) {
    NewCustomer customer =
        new NewCustomer()
            .displayName(plan.displayName())
            .email(plan.email())
            .segment(plan.segment());
    return politely(() -> api.customers().registerCustomer(customer)).getId();
  }

  /** Opens the case, hands it along its path, offers a gesture, and resolves it if planned. */
  private UUID runCase(UUID customerId, PlannedCase planned, AtomicInteger gestures) {
    List<Department> path =
        planned.departments().stream().map(d -> enumOf(d, Department::fromValue)).toList();
    UUID caseId =
        politely(
                () ->
                    api.cases()
                        .openCase(
                            new NewCase()
                                .customerId(customerId)
                                .subject(planned.subject())
                                .department(path.get(0))))
            .getId();
    for (int i = 1; i < path.size(); i++) {
      HandoffRequest handoff =
          new HandoffRequest().toDepartment(path.get(i)).note("Passed on for follow-up");
      politely(() -> api.cases().handOffCase(caseId, handoff));
    }
    if (planned.gesture() != null) {
      GrantGesture grant =
          new GrantGesture()
              .amount(
                  new GrantGestureAmount().value(planned.gesture().toPlainString()).currency("EUR"))
              .reason("Sorry for the trouble");
      Gesture gesture = politely(() -> api.gestures().grantGesture(caseId, grant));
      gestures.incrementAndGet();
      // Supervisors approve most larger gestures; some stay pending for the demo.
      if (gesture.getStatus() == GestureStatus.PENDING_APPROVAL
          && planned.gesture().compareTo(BigDecimal.valueOf(60)) < 0) {
        GestureDecision decision = new GestureDecision().approve(true).note("Fair");
        politely(() -> api.gestures().decideGesture(gesture.getId(), decision));
        approvedGestures.add(caseId);
      } else if (gesture.getStatus() == GestureStatus.APPROVED) {
        approvedGestures.add(caseId);
      }
    }
    if (planned.resolved()) {
      ResolutionRequest resolution = new ResolutionRequest().resolution("Replaced the item");
      politely(() -> api.cases().resolveCase(caseId, resolution));
    }
    return caseId;
  }

  private static NewInteraction interaction(
      UUID customerId, PlannedInteraction touch, UUID caseId) {
    NewInteraction item =
        new NewInteraction()
            .customerId(customerId)
            .occurredAt(touch.occurredAt().atOffset(ZoneOffset.UTC))
            .channel(enumOf(touch.channel(), Channel::fromValue))
            .department(enumOf(touch.department(), Department::fromValue))
            .type(enumOf(touch.type(), InteractionType::fromValue))
            .summary(touch.summary())
            .caseId(caseId);
    if (touch.rating() != null) {
      item.rating(
          new Rating()
              .scale(enumOf(touch.rating().scale(), Rating.ScaleEnum::fromValue))
              .score(touch.rating().score()));
    }
    if (touch.sentiment() != null) {
      item.sentiment(Math.round(touch.sentiment() * 100) / 100.0);
    }
    if (touch.amount() != null) {
      item.amount(new Money().value(touch.amount().toPlainString()).currency("EUR"));
    }
    return item;
  }

  /** The plan speaks the event catalogue's enums; the API's enums have the same names. */
  private static <T> T enumOf(Enum<?> planned, Function<String, T> api) {
    return api.apply(planned.name());
  }

  /** One call of the generated client; 429 and 503 are retried after the Retry-After asked. */
  static <T> T politely(Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (ApiException e) {
        if ((e.getCode() != 429 && e.getCode() != 503) || attempt >= ATTEMPTS) {
          throw new IllegalStateException(
              "the API answered " + e.getCode() + ": " + e.getResponseBody(), e);
        }
        long wait =
            e.getResponseHeaders() == null
                ? 1
                : e.getResponseHeaders().firstValueAsLong("Retry-After").orElse(1);
        try {
          Thread.sleep(Math.min(10, Math.max(1, wait)) * 1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", interrupted);
        }
      }
    }
  }

  @FunctionalInterface
  interface Call<T> {
    T run() throws ApiException;
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
   * Loads the population and, unless {@code --story false}, plants the test-and-learn story on it:
   * what {@code ./load-demo.sh} and {@code ./run.sh --demo} do.
   */
  public static void run(DemoOptions options, Consumer<String> progress) {
    OutsideIn api = OutsideIn.connect(options.gateway(), options.apiKey());
    Result result = new DemoLoader(api, options.threads(), progress).load(options);
    progress.accept(
        String.format(
            "loaded %d customers, %d cases, %d gestures, %d interactions in %d s",
            result.customers(),
            result.cases(),
            result.gestures(),
            result.interactions(),
            result.took().toSeconds()));
    if (options.story()) {
      DemoStory.Result story = new DemoStory(api, progress).plant(result);
      progress.accept(
          "planted the test-and-learn story; once the outcome window has passed, ask GET"
              + " /api/v1/insights/actions?segment="
              + DemoStory.GESTURE_SEGMENT
              + "&from="
              + story.gesturesFrom()
              + " and GET /api/v1/experiments/"
              + story.experimentId()
              + "/results");
    }
  }

  /**
   * Command line: {@code --gateway URL --key KEY --customers N --interactions N --seed N --threads
   * N --story true|false}.
   */
  public static void main(String[] args) {
    run(DemoOptions.parse(args), line -> System.out.println("[demo] " + line));
  }
}
