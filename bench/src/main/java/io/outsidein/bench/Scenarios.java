package io.outsidein.bench;

import io.outsidein.client.model.Channel;
import io.outsidein.client.model.CustomerInsights;
import io.outsidein.client.model.Department;
import io.outsidein.client.model.Interaction;
import io.outsidein.client.model.InteractionBatch;
import io.outsidein.client.model.InteractionType;
import io.outsidein.client.model.Journey;
import io.outsidein.client.model.NewInteraction;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** The benchmarks of bench/README.md, each returning its report row. */
final class Scenarios {
  private final Api api;
  private final LoadClient load;
  private final BenchOptions options;
  private final List<String> customers;
  private final Random random = new Random(7);

  Scenarios(Api api, LoadClient load, BenchOptions options, List<String> customers) {
    this.api = api;
    this.load = load;
    this.options = options;
    this.customers = customers;
  }

  /**
   * Waits until the event path is idle (both outboxes empty, insight's consumer caught up), so a
   * scenario does not pay for the work the previous one left. Returns the seconds waited.
   */
  double drain() {
    return drain(api, options);
  }

  /** {@link #drain()} for callers without a scenario. */
  static double drain(Api api, BenchOptions options) {
    return waitUntil(
        () ->
            api.scrape(options.customerService()).sum("outbox_backlog")
                + api.scrape(options.interactionService()).sum("outbox_backlog")
                + api.scrape(options.insightService()).sum("inbox_lag"));
  }

  /**
   * Waits until interaction-service has heard of every customer created so far, so that it need not
   * ask customer-service about each one; insight may still be busy. For the bulk load between its
   * phases.
   */
  static double customersKnown(Api api, BenchOptions options) {
    return waitUntil(
        () ->
            api.scrape(options.customerService()).sum("outbox_backlog")
                + api.scrape(options.interactionService()).sum("inbox_lag"));
  }

  private static double waitUntil(java.util.function.DoubleSupplier work) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MINUTES.toNanos(10);
    int quiet = 0;
    while (quiet < 2 && System.nanoTime() < deadline) {
      double left = work.getAsDouble();
      quiet = left == 0 ? quiet + 1 : 0;
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Moderate traffic on every path measured later, so the services' JIT compilers have done most of
   * their work (on 2 cores, C2 alone took over 10 s of CPU in a service's first minutes) before any
   * figure is taken.
   */
  void warmUp(Duration duration) {
    long each = Math.max(5, duration.toSeconds() / 3);
    FixedRateRun.run(
        load,
        250,
        Duration.ofSeconds(each),
        256,
        i -> api.post("/interactions", interaction(someCustomer())),
        res -> res.status() == 201);
    FixedRateRun.run(
        load,
        100,
        Duration.ofSeconds(each),
        256,
        i -> api.get("/customers/" + someCustomer() + "/journey"),
        res -> res.status() == 200);
    closedLoop(i -> api.get("/customers/" + someCustomer()), (int) each / 2);
    closedLoop(
        i -> Api.direct(options.customerService(), "/customers/" + someCustomer()), (int) each / 2);
    // The batch path too: its first batches ran at two thirds of the later ones' rate.
    sendBatches(20);
  }

  private String someCustomer() {
    return customers.get(random.nextInt(customers.size()));
  }

  private static NewInteraction interaction(String customerId) {
    return new NewInteraction()
        .customerId(UUID.fromString(customerId))
        .channel(Channel.WEB)
        .department(Department.MARKETING)
        .type(InteractionType.VISIT)
        .summary("bench");
  }

  /** Single POST /interactions at a fixed rate; the outbox backlog must not grow. */
  Row singlePosts() {
    double before = api.scrape(options.interactionService()).value("outbox_backlog");
    FixedRateRun.Result r =
        FixedRateRun.run(
            load,
            options.rate(),
            options.duration(),
            512,
            i -> api.post("/interactions", interaction(someCustomer())),
            res -> res.status() == 201);
    double after = api.scrape(options.interactionService()).value("outbox_backlog");
    // ok / took is always a little under the offered rate (took includes the last answer's
    // latency), so the run is judged by whether it kept up: every request answered 201, the last
    // within a second of the schedule's end.
    double behind = (r.took().toNanos() - options.duration().toNanos()) / 1e9;
    boolean keptUp = r.ok() == r.sent() && behind <= 1.0;
    boolean met = options.rate() >= 1_500 && keptUp && after <= Math.max(before, 1_000);
    return new Row(
        "single POST /interactions @"
            + (int) options.rate()
            + "/s for "
            + options.duration().toSeconds()
            + " s",
        String.format(
            "%s: %d of %d ok (%.0f/s), last answer %.1f s after the schedule, p50 %.1f ms, p99"
                + " %.1f ms, failed %d, outbox backlog %.0f -> %.0f",
            keptUp ? "kept up" : "fell behind",
            r.ok(),
            r.sent(),
            r.throughput(),
            behind,
            r.p50Millis(),
            r.p99Millis(),
            r.failed(),
            before,
            after),
        ">= 1,500/s sustained, backlog not growing",
        met);
  }

  /** Batches of 1000 through the gateway, several at once. */
  Row batchIngest() {
    int batches = options.batches();
    Instant start = Instant.now();
    long stored = sendBatches(batches);
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    double rate = stored / seconds;
    return new Row(
        "batch ingest, " + batches + " x 1000 items, 4 at once",
        String.format("%.0f interactions/s (%d stored in %.1f s)", rate, stored, seconds),
        ">= 15,000 interactions/s",
        rate >= 15_000);
  }

  /** Sends {@code batches} batches of 1000, 4 at once; returns how many items were stored. */
  private long sendBatches(int batches) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicLong stored = new AtomicLong();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int b = 0; b < batches; b++) {
        futures.add(
            pool.submit(
                () -> {
                  InteractionBatch batch = new InteractionBatch();
                  Random r = new Random();
                  for (int i = 0; i < 1000; i++) {
                    batch.addItemsItem(interaction(customers.get(r.nextInt(customers.size()))));
                  }
                  HttpResponse<String> res = api.send(api.post("/interactions/batch", batch));
                  if (res.statusCode() >= 300) {
                    throw new IllegalStateException(
                        "batch answered " + res.statusCode() + ": " + res.body());
                  }
                  stored.addAndGet(BulkLoad.stored(res.body()));
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("batch ingest failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    return stored.get();
  }

  /** Interaction recorded -> insight updated, sampled while recording at 500/s. */
  Row freshness() {
    // Samples use customers of their own, so another touchpoint of the same customer recorded by
    // the background load cannot look like the sample's and end it early.
    int reserved = Math.min(50, customers.size() / 4);
    List<String> sampleCustomers = customers.subList(0, reserved);
    List<String> loadCustomers = customers.subList(reserved, customers.size());
    // Two figures per sample, from several poller threads at once: from when the client sent the
    // interaction (the write path's queueing included), and from when interaction-service
    // recorded it (its recordedAt, in the 201): the event path alone.
    Histogram fromSent = new ConcurrentHistogram(3);
    Histogram fromRecorded = new ConcurrentHistogram(3);
    Map<String, Instant> recordedAt = new ConcurrentHashMap<>();
    // Polling is load too, on the insight-service it measures: every 200 ms per open sample, ten
    // samples a second (polling twice as many twice as often took more of insight-service's CPU
    // than its consumer did). A sample that waits for a poller is still measured right: the
    // figure is insight's own computedAt.
    ExecutorService pollers = Executors.newFixedThreadPool(8);
    List<Future<?>> samples = new ArrayList<>();
    // insight-service's own timing of every event, not only the samples: written -> applied.
    var timedBefore = eventDelays();
    // Sample external ids are new in every run: a population's customers are sampled again in
    // later runs, and a repeated external id would be refused with 409 and never seen by insight.
    String run = Long.toHexString(System.currentTimeMillis());
    FixedRateRun.Result posts =
        FixedRateRun.run(
            load,
            500,
            Duration.ofSeconds(60),
            256,
            i -> {
              boolean sample = i % 50 == 0;
              String customer =
                  sample
                      ? sampleCustomers.get((i / 50) % sampleCustomers.size())
                      : loadCustomers.get(random.nextInt(loadCustomers.size()));
              Instant at = Instant.now();
              String sampleId = "fresh-" + run + "-" + i;
              NewInteraction touch =
                  interaction(customer)
                      .occurredAt(at.atOffset(ZoneOffset.UTC))
                      .externalId(sample ? sampleId : null);
              if (sample) {
                long sentNanos = System.nanoTime();
                samples.add(
                    pollers.submit(
                        () -> {
                          Instant computed = awaitInsight(customer, at, sentNanos);
                          fromSent.recordValue(nanosBetween(at, computed));
                          fromRecorded.recordValue(
                              nanosBetween(recorded(recordedAt, sampleId), computed));
                          return null;
                        }));
              }
              return api.post("/interactions", touch);
            },
            res -> {
              if (res.status() != 201) {
                return false;
              }
              // Only the samples' answers are read: the rest need not pay for parsing.
              if (res.body().contains("\"fresh-")) {
                Interaction recorded = Api.read(res.body(), Interaction.class);
                recordedAt.put(recorded.getExternalId(), recorded.getRecordedAt().toInstant());
              }
              return true;
            });
    for (Future<?> sample : samples) {
      try {
        sample.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // a sample that never saw its insight counts as the worst case, once
        sample.cancel(true);
        fromSent.recordValue(TimeUnit.SECONDS.toNanos(30));
        fromRecorded.recordValue(TimeUnit.SECONDS.toNanos(30));
      }
    }
    pollers.shutdownNow();
    drain();
    var timedAfter = eventDelays();
    double p99 = fromRecorded.getValueAtPercentile(99) / 1e6;
    return new Row(
        "freshness: recorded -> insight updated, at 500/s",
        String.format(
            "from recordedAt p50 %.0f ms, p99 %.0f ms; from the client's send p50 %.0f ms, p99 %.0f"
                + " ms (%d samples); insight-service's own timing of all %.0f events: p50 <= %.0f"
                + " ms, p99 <= %.0f ms; the load itself: %.0f/s ok, %d failed, POST p99 %.0f ms",
            fromRecorded.getValueAtPercentile(50) / 1e6,
            p99,
            fromSent.getValueAtPercentile(50) / 1e6,
            fromSent.getValueAtPercentile(99) / 1e6,
            fromRecorded.getTotalCount(),
            timedAfter.lastEntry().getValue() - timedBefore.getOrDefault(timedAfter.lastKey(), 0.0),
            Api.quantile(timedBefore, timedAfter, 0.5) * 1000,
            Api.quantile(timedBefore, timedAfter, 0.99) * 1000,
            posts.throughput(),
            posts.failed(),
            posts.p99Millis()),
        "p99 <= 250 ms",
        p99 <= 250);
  }

  /** insight-service's histogram of interaction events, written -> applied. */
  private java.util.NavigableMap<Double, Double> eventDelays() {
    var buckets =
        api.scrape(options.insightService())
            .buckets("inbox_event_delay_seconds", "type", "io.outsidein.interaction.recorded.v1");
    if (buckets.isEmpty()) {
      buckets.put(Double.POSITIVE_INFINITY, 0.0); // nothing consumed yet since it started
    }
    return buckets;
  }

  private static long nanosBetween(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toNanos());
  }

  /** When interaction-service recorded the sample, once its 201 has arrived. */
  private static Instant recorded(Map<String, Instant> recordedAt, String sampleId)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Instant at = recordedAt.get(sampleId);
      if (at != null) {
        return at;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no 201 for " + sampleId);
  }

  /**
   * Waits until the customer's insight includes the interaction recorded at {@code at}, and answers
   * when insight computed it (its own {@code computedAt}, on the same clock as the services'). The
   * figure does not depend on how often or how late the poll looks: polling is only how the
   * benchmark learns the answer. Throws when it does not come within 30 s.
   */
  private Instant awaitInsight(String customer, Instant at, long sentNanos)
      throws InterruptedException {
    long deadline = Math.max(sentNanos, System.nanoTime()) + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> res = api.send(api.get("/customers/" + customer + "/insights"));
      if (res.statusCode() == 200) {
        CustomerInsights insights = Api.read(res.body(), CustomerInsights.class);
        OffsetDateTime last = insights.getMetrics().getLastInteractionAt();
        if (last != null && !last.toInstant().isBefore(at.minusMillis(1))) {
          return insights.getComputedAt().toInstant();
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("insight of " + customer + " not updated within 30 s");
  }

  /** The composite journey view at a fixed 200 requests per second. */
  Row journey() {
    FixedRateRun.Result r =
        FixedRateRun.run(
            load,
            200,
            options.duration(),
            256,
            i -> api.get("/customers/" + someCustomer() + "/journey"),
            res ->
                res.status() == 200 && Api.read(res.body(), Journey.class).getDegraded().isEmpty());
    return new Row(
        "GET /customers/{id}/journey @200/s, " + customers.size() + " customers",
        String.format(
            "p50 %.1f ms, p99 %.1f ms, ok %d, failed %d",
            r.p50Millis(), r.p99Millis(), r.ok(), r.failed()),
        "p99 <= 30 ms",
        r.p99Millis() <= 30 && r.failed() == 0);
  }

  /**
   * The same GET through the gateway and straight at customer-service, closed loop with the same
   * client and 32 connections. Both paths are warmed up first, then measured in alternating rounds,
   * so JIT warm-up and background work do not favour whichever runs second.
   */
  Row gatewayOverhead() {
    java.util.function.IntFunction<Call> viaGateway = i -> api.get("/customers/" + someCustomer());
    java.util.function.IntFunction<Call> direct =
        i -> Api.direct(options.customerService(), "/customers/" + someCustomer());
    closedLoop(viaGateway, 5);
    closedLoop(direct, 5);
    // CPU per request of the gateway and the service, when they run here: steadier than the
    // throughput ratio on a shared machine, and it says where the overhead goes.
    Optional<ProcessHandle> gateway = Footprint.find("gateway");
    Optional<ProcessHandle> service = Footprint.find("customer-service");
    double gatewayTotal = 0;
    double directTotal = 0;
    Duration gatewayCpu = Duration.ZERO;
    Duration serviceCpuViaGateway = Duration.ZERO;
    Duration serviceCpuDirect = Duration.ZERO;
    for (int round = 0; round < 3; round++) {
      Duration gatewayBefore = cpu(gateway);
      Duration serviceBefore = cpu(service);
      gatewayTotal += closedLoop(viaGateway, 5);
      gatewayCpu = gatewayCpu.plus(cpu(gateway).minus(gatewayBefore));
      Duration serviceBetween = cpu(service);
      serviceCpuViaGateway = serviceCpuViaGateway.plus(serviceBetween.minus(serviceBefore));
      directTotal += closedLoop(direct, 5);
      serviceCpuDirect = serviceCpuDirect.plus(cpu(service).minus(serviceBetween));
    }
    double share = gatewayTotal / directTotal;
    String perRequest =
        gateway.isPresent() && service.isPresent()
            ? String.format(
                "; CPU per request: gateway %.0f µs, customer-service %.0f µs through it and %.0f µs"
                    + " direct",
                micros(gatewayCpu, gatewayTotal * 5),
                micros(serviceCpuViaGateway, gatewayTotal * 5),
                micros(serviceCpuDirect, directTotal * 5))
            : "";
    return new Row(
        "gateway overhead: GET /customers/{id}, 32 connections, 3 alternating rounds of 5 s",
        String.format(
            "gateway %.0f/s, direct %.0f/s: %.0f%%%s",
            gatewayTotal / 3, directTotal / 3, share * 100, perRequest),
        ">= 80% of direct",
        share >= 0.8);
  }

  private static Duration cpu(Optional<ProcessHandle> process) {
    return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
  }

  private static double micros(Duration cpu, double requests) {
    return requests == 0 ? Double.NaN : cpu.toNanos() / 1000.0 / requests;
  }

  private double closedLoop(java.util.function.IntFunction<Call> request, int seconds) {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (int t = 0; t < 32; t++) {
      pool.submit(
          () -> {
            int i = 0;
            while (System.nanoTime() < end) {
              if (api.send(request.apply(i++)).statusCode() == 200) {
                done.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    try {
      pool.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return done.get() / (double) seconds;
  }

  /** Creates {@code n} customers for the runs that need ids. */
  static List<String> createCustomers(Api api, int n) {
    List<String> ids = new ArrayList<>();
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < n; i++) {
      ids.add(BulkLoad.createCustomer(api, "bench", run, i));
    }
    return ids;
  }

  static URI uri(String s) {
    return URI.create(s);
  }
}
