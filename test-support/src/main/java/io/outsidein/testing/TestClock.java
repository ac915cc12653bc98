package io.outsidein.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, which a test can move; a module's tests produce one as their {@link Clock}
 * bean, replacing service-kit's default clock. Time keeps flowing from wherever it was moved to.
 */
public class TestClock extends Clock {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final AtomicReference<Instant> frozen = new AtomicReference<>();

  public void advance(Duration by) {
    offset.updateAndGet(current -> current.plus(by));
  }

  /** Moves time to {@code instant}, from where it flows on. */
  public void travelTo(Instant instant) {
    frozen.set(null);
    offset.set(Duration.between(Instant.now(), instant));
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
