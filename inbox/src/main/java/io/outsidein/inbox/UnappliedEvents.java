package io.outsidein.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The {@code inbox.lag} gauge: events on the consumer's partitions not yet applied. Kafka's own
 * records-lag counts from the fetch position, and the client fetches ahead of what has been
 * applied; its cached figures also date from its last fetch, which a slow consumer made long ago,
 * so they read 0 while it is minutes behind. This asks the broker for the end offsets instead, at
 * most once a second.
 */
final class UnappliedEvents {
  private static final Logger LOG = Logger.getLogger(UnappliedEvents.class);
  private static final long INTERVAL = TimeUnit.SECONDS.toNanos(1);

  private final AtomicLong behind = new AtomicLong();
  private final LongSupplier nanoTime;
  private long lastCounted;

  UnappliedEvents(MeterRegistry meters) {
    this(meters, System::nanoTime);
  }

  UnappliedEvents(MeterRegistry meters, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.lastCounted = nanoTime.getAsLong() - INTERVAL;
    meters.gauge("inbox.lag", behind);
  }

  /** Counts again if a second has passed; call it on the consumer's own thread. */
  void count(Consumer<?, ?> consumer) {
    long now = nanoTime.getAsLong();
    if (now - lastCounted < INTERVAL) {
      return;
    }
    lastCounted = now;
    try {
      long sum = 0;
      for (Map.Entry<TopicPartition, Long> end :
          consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(2)).entrySet()) {
        sum += Math.max(0, end.getValue() - consumer.position(end.getKey(), Duration.ofSeconds(2)));
      }
      behind.set(sum);
    } catch (RuntimeException e) {
      // The broker is away: the next poll fails and retries; the gauge keeps its last value.
      LOG.debugf("inbox lag not counted: %s", e.getMessage());
    }
  }
}
