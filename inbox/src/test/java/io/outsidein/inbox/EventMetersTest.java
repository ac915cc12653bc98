package io.outsidein.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.outsidein.events.EventType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EventMeters meters = new EventMeters(registry);

  @Test
  void countsEachTypeUnderItsOwnNameAndTag() {
    meters.consumed(EventType.INTERACTION_RECORDED);
    meters.consumed(EventType.INTERACTION_RECORDED);
    meters.duplicate(EventType.INTERACTION_RECORDED);
    meters.consumed(EventType.CASE_OPENED);

    assertThat(count("inbox.events.consumed", EventType.INTERACTION_RECORDED)).isEqualTo(2);
    assertThat(count("inbox.events.duplicates", EventType.INTERACTION_RECORDED)).isEqualTo(1);
    assertThat(count("inbox.events.consumed", EventType.CASE_OPENED)).isEqualTo(1);
    assertThat(registry.find("inbox.events.duplicates").counters()).hasSize(1);
  }

  @Test
  void timesTheDelayAndCountsAWriterClockAheadOfOursAsNoDelay() {
    meters.delay(EventType.INTERACTION_RECORDED, 120);
    meters.delay(EventType.INTERACTION_RECORDED, -40);

    var timer =
        registry
            .get("inbox.event.delay")
            .tag("type", EventType.INTERACTION_RECORDED.typeName())
            .timer();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120.0);
    assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(120.0);
  }

  private double count(String name, EventType type) {
    return registry.get(name).tag("type", type.typeName()).counter().count();
  }
}
