package io.outsidein.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.outsidein.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The consumer group's dead-letter topic: an event that cannot be applied is sent there as it
 * arrived, with the reason and its origin in headers, and counted per topic it came from.
 */
final class DeadLetters implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeadLetters.class);
  private static final String COUNTER = "inbox.events.dead-lettered";

  private final String topic;
  private final MeterRegistry meters;
  private final KafkaProducer<String, byte[]> producer;

  DeadLetters(InboxConfig config, Map<String, Object> kafkaConfig, MeterRegistry meters) {
    this.topic = Topics.deadLetter(config.group());
    this.meters = meters;
    this.producer =
        new KafkaProducer<>(
            producerConfig(kafkaConfig, config.group()),
            new StringSerializer(),
            new ByteArraySerializer());
    // Registered up front so dashboards show 0, not "no data", until the first dead letter.
    config.topics().forEach(source -> meters.counter(COUNTER, "topic", source));
  }

  /** Sends the record on and waits for the broker: its offset may be committed only after. */
  void send(ConsumerRecord<String, byte[]> record, RuntimeException reason) {
    LOG.errorf(
        "event at %s-%d@%d goes to %s: %s",
        record.topic(), record.partition(), record.offset(), topic, reason.getMessage());
    ProducerRecord<String, byte[]> letter =
        new ProducerRecord<>(topic, record.key(), record.value());
    record.headers().forEach(letter.headers()::add);
    header(letter, "dlq-error", String.valueOf(reason.getMessage()));
    header(letter, "dlq-error-class", reason.getClass().getName());
    header(letter, "dlq-topic", record.topic());
    header(letter, "dlq-partition", String.valueOf(record.partition()));
    header(letter, "dlq-offset", String.valueOf(record.offset()));
    try {
      producer.send(letter).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("dead-letter topic unavailable", e);
    }
    meters.counter(COUNTER, "topic", record.topic()).increment();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig, String group) {
    Map<String, Object> props = new HashMap<>(kafkaConfig);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, group + "-dlq-" + UUID.randomUUID());
    return props;
  }
}
