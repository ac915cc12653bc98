package io.outsidein.insight.rebuild;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.Topics;
import io.outsidein.inbox.ProcessedEvents;
import io.outsidein.insight.calibration.RiskNotes;
import io.outsidein.insight.experiments.ExperimentEnrolment;
import io.outsidein.insight.messaging.InsightEventHandler;
import io.outsidein.insight.outcomes.OutcomeWindows;
import io.outsidein.insight.service.ActivityTally;
import io.outsidein.insight.service.Reevaluation;
import io.outsidein.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from the topics: empties it, then replays both topics from their first
 * offset through the same handler as the live consumer, which keeps running beside it. The shared
 * processed-event table makes sure each event is applied once, by one of the two.
 */
@ApplicationScoped
public class RebuildService {
  private static final Logger LOG = Logger.getLogger(RebuildService.class);
  private static final List<String> TOPICS =
      List.of(Topics.CUSTOMER_EVENTS, Topics.INTERACTION_EVENTS);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, Object> kafkaConfig;
  private final InsightEventHandler handler;
  private final ProcessedEvents processed;
  private final Reevaluation reevaluation;
  private final OutcomeWindows outcomeWindows;
  private final ExperimentEnrolment enrolment;
  private final RiskNotes riskNotes;
  private final EntityManager entityManager;
  private final AtomicBoolean running = new AtomicBoolean();

  RebuildService(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      InsightEventHandler handler,
      ProcessedEvents processed,
      Reevaluation reevaluation,
      OutcomeWindows outcomeWindows,
      ExperimentEnrolment enrolment,
      RiskNotes riskNotes,
      EntityManager entityManager) {
    this.kafkaConfig = kafkaConfig;
    this.handler = handler;
    this.processed = processed;
    this.reevaluation = reevaluation;
    this.outcomeWindows = outcomeWindows;
    this.enrolment = enrolment;
    this.riskNotes = riskNotes;
    this.entityManager = entityManager;
  }

  /** What a rebuild read and applied. */
  public record Result(
      long read, long applied, long alreadyApplied, long skipped, long customers) {}

  /** What a rebuild has read and applied so far; told after every batch and while it waits. */
  public record Progress(long read, long applied, long alreadyApplied, long skipped) {}

  public Result rebuild() {
    return rebuild(progress -> {});
  }

  public Result rebuild(Consumer<Progress> listener) {
    if (!running.compareAndSet(false, true)) {
      throw ProblemException.conflict("a rebuild is already running", Map.of());
    }
    reevaluation.pause(true);
    // Outcomes and risk notes are measured from the model: none is taken or closed while it is
    // being refilled. Their rows themselves are kept (measurements taken as time passed, not
    // derived from events).
    outcomeWindows.pause(true);
    // Nobody is enrolled against a population matched on half-refilled insights.
    enrolment.pause(true);
    riskNotes.pause(true);
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  entityManager
                      .createNativeQuery(
                          "TRUNCATE customer_profile, touchpoint, case_journey, case_handoff,"
                              + " goodwill_gesture, customer_insight, customer_alias,"
                              + " erased_customer, processed_event, "
                              + String.join(", ", ActivityTally.TABLES))
                      .executeUpdate());
      Counts counts = replay(listener);
      long customers =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      ((Number)
                              entityManager
                                  .createNativeQuery("SELECT count(*) FROM customer_profile")
                                  .getSingleResult())
                          .longValue());
      LOG.infof("rebuild done: %s", counts);
      return new Result(
          counts.read, counts.applied, counts.alreadyApplied, counts.skipped, customers);
    } finally {
      reevaluation.pause(false);
      outcomeWindows.pause(false);
      enrolment.pause(false);
      riskNotes.pause(false);
      running.set(false);
    }
  }

  /** Reads both topics up to the end offsets seen now, after the tables were emptied. */
  private Counts replay(Consumer<Progress> listener) {
    Counts counts = new Counts();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : TOPICS) {
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .forEach(partitions::add);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
      while (!end.isEmpty()) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          Long last = end.get(partition);
          if (last != null && record.offset() < last) {
            batch.add(record);
          }
        }
        apply(batch, counts);
        listener.accept(counts.progress());
        end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        consumer.pause(consumer.assignment().stream().filter(p -> !end.containsKey(p)).toList());
      }
    }
    return counts;
  }

  private void apply(List<ConsumerRecord<String, byte[]>> batch, Counts counts) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      Counts batchCounts = new Counts();
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                List<CloudEvent> events =
                    batch.stream().map(r -> EventCodec.read(r.value())).toList();
                // The batch's ids recorded in one statement, as the live consumer does.
                Set<UUID> first =
                    processed.firstDeliveries(
                        events.stream().filter(e -> e.eventType().isPresent()).toList());
                events.forEach(e -> applyOne(e, batchCounts, event -> first.remove(event.id())));
                handler.beforeCommit();
              });
      counts.add(batchCounts);
    } catch (RuntimeException batchFailure) {
      // One record spoiled the batch: apply one by one, and leave out what cannot be applied
      // (the live consumer already sent it to the dead-letter topic).
      for (ConsumerRecord<String, byte[]> record : batch) {
        Counts one = new Counts();
        try {
          QuarkusTransaction.requiringNew()
              .run(
                  () -> {
                    applyOne(
                        EventCodec.read(record.value()),
                        one,
                        event -> processed.firstDelivery(event.id(), event.type()));
                    handler.beforeCommit();
                  });
          counts.add(one);
        } catch (RuntimeException e) {
          counts.read++;
          counts.skipped++;
          LOG.warnf(
              "rebuild skips %s-%d@%d: %s",
              record.topic(), record.partition(), record.offset(), e.getMessage());
        }
      }
    }
  }

  private void applyOne(CloudEvent event, Counts counts, Predicate<CloudEvent> firstDelivery) {
    counts.read++;
    Optional<EventType> type = event.eventType();
    if (type.isEmpty()) {
      counts.skipped++;
    } else if (firstDelivery.test(event)) {
      handler.apply(event, type.get());
      // As in the live consumer: a batch's entities must not pile up in one persistence context.
      entityManager.flush();
      entityManager.clear();
      counts.applied++;
    } else {
      counts.alreadyApplied++;
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> props = new HashMap<>(kafkaConfig);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "insight-rebuild-" + UUID.randomUUID());
    return props;
  }

  private static final class Counts {
    long read;
    long applied;
    long alreadyApplied;
    long skipped;

    Progress progress() {
      return new Progress(read, applied, alreadyApplied, skipped);
    }

    void add(Counts other) {
      read += other.read;
      applied += other.applied;
      alreadyApplied += other.alreadyApplied;
      skipped += other.skipped;
    }

    @Override
    public String toString() {
      return "read="
          + read
          + " applied="
          + applied
          + " alreadyApplied="
          + alreadyApplied
          + " skipped="
          + skipped;
    }
  }
}
