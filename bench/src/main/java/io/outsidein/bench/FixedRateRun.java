package io.outsidein.bench;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.HdrHistogram.Recorder;

/**
 * An open-model run: requests are sent at a fixed rate whatever the answers take, and each latency
 * is measured from the moment the request was due, so a slow server cannot hide its queueing (no
 * coordinated omission).
 */
final class FixedRateRun {
  /** What one run measured. */
  record Result(
      long sent,
      long ok,
      long failed,
      long late,
      Duration took,
      org.HdrHistogram.Histogram latencies,
      java.util.Map<Integer, Long> statuses) {

    double throughput() {
      return ok / Math.max(0.001, took.toNanos() / 1e9);
    }

    double p50Millis() {
      return latencies.getValueAtPercentile(50) / 1e6;
    }

    double p99Millis() {
      return latencies.getValueAtPercentile(99) / 1e6;
    }
  }

  private FixedRateRun() {}

  /**
   * Sends {@code rate} requests per second for {@code duration}; {@code request} makes the i-th
   * request and {@code success} judges its response. At most {@code maxInFlight} are open; a
   * request that cannot start on time is still timed from when it was due.
   */
  static Result run(
      LoadClient client,
      double rate,
      Duration duration,
      int maxInFlight,
      IntFunction<Call> request,
      Predicate<LoadClient.Reply> success) {
    Recorder recorder = new Recorder(3);
    Semaphore inFlight = new Semaphore(maxInFlight);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong late = new AtomicLong();
    ConcurrentHashMap<Integer, Long> statuses = new ConcurrentHashMap<>();
    long intervalNanos = (long) (1e9 / rate);
    long total = (long) (rate * duration.toNanos() / 1e9);
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      } else if (-wait > 10_000_000) {
        late.incrementAndGet();
      }
      inFlight.acquireUninterruptibly();
      client.send(
          request.apply((int) i),
          (response, error) -> {
            try {
              recorder.recordValue(Math.max(0, System.nanoTime() - due));
              if (error == null) {
                statuses.merge(response.status(), 1L, Long::sum);
              }
              if (error == null && success.test(response)) {
                ok.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            } catch (RuntimeException e) {
              failed.incrementAndGet();
              System.err.println("[bench] judging a response failed: " + e);
            } finally {
              inFlight.release();
            }
          });
    }
    // Every request has a timeout, so all answers are due by then; one still missing is counted
    // as failed rather than hanging the run.
    long unanswered = 0;
    try {
      if (!inFlight.tryAcquire(
          maxInFlight, Call.TIMEOUT.toSeconds() + 30, java.util.concurrent.TimeUnit.SECONDS)) {
        unanswered = maxInFlight - inFlight.availablePermits();
        failed.addAndGet(unanswered);
        System.err.printf("[bench] %d requests never answered%n", unanswered);
      } else {
        inFlight.release(maxInFlight);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Result(
        total, ok.get(), failed.get(), late.get(), took, recorder.getIntervalHistogram(), statuses);
  }
}
