package io.outsidein.testing;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventData;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events straight to the broker, as a producing service would, for consumer tests. */
public final class EventPublisher implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;

  private EventPublisher(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    // Each publish waits for its acknowledgement, so nothing is there to batch: the 5 ms linger
    // that Kafka 4 clients default to would only delay every event a test publishes.
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  public static EventPublisher to(String bootstrapServers) {
    return new EventPublisher(bootstrapServers);
  }

  /** Wraps the data in a new envelope and publishes it; returns the envelope. */
  public CloudEvent publish(EventData data) {
    CloudEvent event =
        EventCodec.envelope(data, "/tests", Instant.now(), "test-request", "test-actor");
    publish(event);
    return event;
  }

  /** Publishes an envelope as is (publishing it twice is how tests redeliver). */
  public void publish(CloudEvent event) {
    send(event.eventType().orElseThrow().topic(), event.subject(), EventCodec.write(event));
  }

  /** Publishes raw bytes, for poison messages. */
  public void send(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
