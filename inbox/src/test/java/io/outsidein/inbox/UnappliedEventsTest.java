package io.outsidein.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The gauge's arithmetic and pace against Kafka's in-memory consumer; that it is published with the
 * real broker is checked in the services' metrics tests.
 */
class UnappliedEventsTest {
  private static final TopicPartition FIRST = new TopicPartition("interaction-events", 0);
  private static final TopicPartition SECOND = new TopicPartition("interaction-events", 1);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicLong clock = new AtomicLong();
  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final UnappliedEvents unapplied = new UnappliedEvents(registry, clock::get);

  @Test
  void countsFromWhatWasAppliedToTheEndOfEveryPartitionAtMostOnceASecond() {
    assign(40, 2);
    consumer.seek(FIRST, 10);

    unapplied.count(consumer);
    assertThat(lag()).isEqualTo(30 + 2);

    consumer.seek(FIRST, 40);
    advance(500);
    unapplied.count(consumer);
    assertThat(lag()).as("within the second: the broker is not asked again").isEqualTo(32);

    advance(500);
    unapplied.count(consumer);
    assertThat(lag()).isEqualTo(2);
  }

  @Test
  void keepsItsLastFigureWhileTheBrokerCannotBeAsked() {
    assign(7, 0);
    unapplied.count(consumer);
    assertThat(lag()).isEqualTo(7);

    consumer.setOffsetsException(new KafkaException("broker away"));
    consumer.seek(FIRST, 7);
    advance(1_000);
    unapplied.count(consumer);

    assertThat(lag()).isEqualTo(7);
  }

  private void assign(long firstEnd, long secondEnd) {
    consumer.assign(List.of(FIRST, SECOND));
    consumer.updateBeginningOffsets(Map.of(FIRST, 0L, SECOND, 0L));
    consumer.updateEndOffsets(Map.of(FIRST, firstEnd, SECOND, secondEnd));
  }

  private void advance(long millis) {
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private double lag() {
    return registry.get("inbox.lag").gauge().value();
  }
}
