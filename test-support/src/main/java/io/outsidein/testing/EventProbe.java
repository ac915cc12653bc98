package io.outsidein.testing;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a topic from its beginning so that tests can assert on the events really published. */
public final class EventProbe implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  private EventProbe(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
  }

  public static EventProbe on(String bootstrapServers, String topic) {
    return new EventProbe(bootstrapServers, topic);
  }

  /** Every record read so far, raw. */
  public List<ConsumerRecord<String, byte[]>> records() {
    poll();
    return List.copyOf(seen);
  }

  public List<CloudEvent> events() {
    return records().stream().map(r -> EventCodec.read(r.value())).toList();
  }

  /** Waits until the events read match, and returns the first that does. */
  public CloudEvent await(Predicate<CloudEvent> match, Duration timeout) {
    return Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> events().stream().filter(match).findFirst(), java.util.Optional::isPresent)
        .orElseThrow();
  }

  private void poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
