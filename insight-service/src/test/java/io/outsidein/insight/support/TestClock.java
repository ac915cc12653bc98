package io.outsidein.insight.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock, which a test can move forward; replaces service-kit's default clock. */
@Singleton
public class TestClock extends Clock {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final AtomicReference<Instant> frozen = new AtomicReference<>();

  public void advance(Duration by) {
    offset.updateAndGet(current -> current.plus(by));
  }

  /** Stops time at its current instant, so that two computations see the same now. */
  public void freeze() {
    frozen.set(instant());
  }

  public void reset() {
    offset.set(Duration.ZERO);
    frozen.set(null);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant stopped = frozen.get();
    return stopped != null ? stopped : Instant.now().plus(offset.get());
  }
}
