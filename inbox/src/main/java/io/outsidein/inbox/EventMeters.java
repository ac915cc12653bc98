package io.outsidein.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.outsidein.events.EventType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The consumer's meters per event type, found in the registry once per type rather than once per
 * event: the registry builds and hashes an id for every lookup, on the event path's hot loop.
 */
final class EventMeters {
  private final MeterRegistry registry;
  private final Map<EventType, Counter> consumed = new ConcurrentHashMap<>();
  private final Map<EventType, Counter> duplicates = new ConcurrentHashMap<>();
  private final Map<EventType, Timer> delays = new ConcurrentHashMap<>();

  EventMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void consumed(EventType type) {
    consumed.computeIfAbsent(type, t -> counter("inbox.events.consumed", t)).increment();
  }

  void duplicate(EventType type) {
    duplicates.computeIfAbsent(type, t -> counter("inbox.events.duplicates", t)).increment();
  }

  /** From an event's writing to its application here, in milliseconds of this host's clock. */
  void delay(EventType type, long millis) {
    delays
        .computeIfAbsent(type, this::delayTimer)
        .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  private Counter counter(String name, EventType type) {
    return registry.counter(name, "type", type.typeName());
  }

  private Timer delayTimer(EventType type) {
    return Timer.builder("inbox.event.delay")
        .description("From an event's writing (its time) to its application here")
        .tag("type", type.typeName())
        // Buckets, so p50/p99 can be read over any interval (the benchmark does).
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .serviceLevelObjectives(Duration.ofMillis(250))
        .register(registry);
  }
}
