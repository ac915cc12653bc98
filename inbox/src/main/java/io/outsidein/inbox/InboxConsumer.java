package io.outsidein.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.kit.actor.Actor;
import io.outsidein.kit.database.DatabaseFailures;
import io.outsidein.kit.requestid.RequestId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Consumes the configured topics and applies each event exactly once: its id is recorded with its
 * effect. A poll's events are applied in one transaction; if that fails they are applied one by
 * one, and an event that still fails after the configured tries goes to the dead-letter topic with
 * the reason in its headers. Offsets are committed only after the effects.
 */
@ApplicationScoped
public class InboxConsumer {
  private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

  private final InboxConfig config;
  private final Map<String, Object> kafkaConfig;
  private final Instance<EventHandler> handlers;
  private final ProcessedEvents processed;
  private final MeterRegistry meters;
  private final EventMeters eventMeters;
  private final InboxTracing tracing;
  private final EntityManager entityManager;
  private final Clock clock;
  private volatile boolean running;

  private Thread worker;
  private KafkaConsumer<String, byte[]> consumer;
  private DeadLetters deadLetters;
  private UnappliedEvents unapplied;
  private KafkaClientMetrics consumerMetrics;

  InboxConsumer(
      InboxConfig config,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      Instance<EventHandler> handlers,
      ProcessedEvents processed,
      MeterRegistry meters,
      InboxTracing tracing,
      EntityManager entityManager,
      Clock clock) {
    this.config = config;
    this.kafkaConfig = kafkaConfig;
    this.handlers = handlers;
    this.processed = processed;
    this.meters = meters;
    this.eventMeters = new EventMeters(meters);
    this.tracing = tracing;
    this.entityManager = entityManager;
    this.clock = clock;
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      LOG.info("event consumption disabled by configuration");
      return;
    }
    consumer =
        new KafkaConsumer<>(
            consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
    deadLetters = new DeadLetters(config, kafkaConfig, meters);
    unapplied = new UnappliedEvents(meters);
    consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(meters);
    running = true;
    worker = new Thread(this::run, "inbox-consumer");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) {
    if (worker == null) {
      return;
    }
    running = false;
    consumer.wakeup();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumerMetrics.close();
    deadLetters.close();
  }

  private void run() {
    EventHandler handler = handlers.get();
    try (KafkaConsumer<String, byte[]> owned = consumer) {
      owned.subscribe(config.topics());
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          unapplied.count(consumer);
          continue;
        }
        try {
          applyAll(records, handler);
          consumer.commitSync();
          unapplied.count(consumer);
        } catch (WakeupException e) {
          // stop() woke the commit: what it did not commit is delivered again, and applied once.
          throw e;
        } catch (RuntimeException e) {
          // The database or the broker is unavailable: nothing is committed, so rewind and retry.
          LOG.warnf("events not applied, will retry: %s", e);
          rewind(records);
          sleep(config.retryBackoff().multipliedBy(5));
        }
      }
    } catch (WakeupException e) {
      // stop() woke the poll: a normal shutdown.
    }
  }

  private void applyAll(ConsumerRecords<String, byte[]> records, EventHandler handler) {
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
    records.forEach(all::add);
    try {
      List<CloudEvent> events = all.stream().map(r -> EventCodec.read(r.value())).toList();
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                // The poll's ids recorded in one statement; an event the poll holds twice is
                // applied once.
                Set<UUID> first =
                    processed.firstDeliveries(
                        events.stream().filter(e -> e.eventType().isPresent()).toList());
                for (int i = 0; i < all.size(); i++) {
                  applyOne(all.get(i), events.get(i), handler, e -> first.remove(e.id()));
                }
                handler.beforeCommit();
              });
      timeSinceWritten(events);
    } catch (RuntimeException batchFailure) {
      if (DatabaseFailures.isTransient(batchFailure)) {
        throw batchFailure;
      }
      // One event spoiled the batch: apply them one at a time to isolate it.
      for (ConsumerRecord<String, byte[]> record : all) {
        applyWithRetries(record, handler);
      }
    }
  }

  private void applyWithRetries(ConsumerRecord<String, byte[]> record, EventHandler handler) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= config.attempts(); attempt++) {
      try {
        QuarkusTransaction.requiringNew()
            .run(
                () -> {
                  applyOne(
                      record,
                      EventCodec.read(record.value()),
                      handler,
                      e -> processed.firstDelivery(e.id(), e.type()));
                  handler.beforeCommit();
                });
        return;
      } catch (RuntimeException e) {
        if (DatabaseFailures.isTransient(e)) {
          throw e;
        }
        last = e;
        if (e instanceof EventCodec.MalformedEventException) {
          break;
        }
        sleep(config.retryBackoff());
      }
    }
    deadLetters.send(record, last);
  }

  /** Applies one record in the current transaction; unknown types are skipped, not failed. */
  private void applyOne(
      ConsumerRecord<String, byte[]> record,
      CloudEvent event,
      EventHandler handler,
      Predicate<CloudEvent> firstDelivery) {
    Span span = tracing.startProcess(record, config.group());
    try (Scope scope = span.makeCurrent()) {
      applyTraced(event, handler, span, firstDelivery);
      // Each event's effects are written and forgotten before the next one: otherwise a poll's
      // entities pile up in one persistence context and are all dirty-checked before every query
      // (profiling showed insight-service spending most of its time there).
      entityManager.flush();
      entityManager.clear();
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
      throw e;
    } finally {
      span.end();
    }
  }

  private void applyTraced(
      CloudEvent event, EventHandler handler, Span span, Predicate<CloudEvent> firstDelivery) {
    span.setAttribute("messaging.message.id", event.id().toString());
    span.setAttribute("cloudevents.event_type", event.type());
    Optional<EventType> type = event.eventType();
    if (type.isEmpty()) {
      LOG.infof("skipping event %s of unknown type %s", event.id(), event.type());
      return;
    }
    String previous = RequestId.current();
    String previousActor = Actor.current();
    // What the event causes carries on its request id and actor (null in events older than it).
    RequestId.set(event.requestid());
    Actor.set(Actor.accept(event.actor()));
    try {
      if (firstDelivery.test(event)) {
        handler.apply(event, type.get());
        eventMeters.consumed(type.get());
      } else {
        span.setAttribute("outsidein.duplicate", true);
        eventMeters.duplicate(type.get());
      }
    } finally {
      RequestId.set(previous);
      Actor.set(previousActor);
    }
  }

  private void rewind(ConsumerRecords<String, byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      consumer.seek(partition, records.records(partition).get(0).offset());
    }
  }

  /**
   * How long each applied event took from being written (its CloudEvent time, on the writer's
   * clock) to being committed here: the event path's freshness, which consumer lag in records does
   * not tell. Events applied one by one after a poll failed are not timed. Its clock is this
   * host's: across hosts the figure includes their clocks' skew.
   */
  private void timeSinceWritten(List<CloudEvent> events) {
    long now = clock.millis();
    for (CloudEvent event : events) {
      if (event.time() != null) {
        event
            .eventType()
            .ifPresent(type -> eventMeters.delay(type, now - event.time().toEpochMilli()));
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> props = new HashMap<>(kafkaConfig);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, config.group() + "-" + UUID.randomUUID());
    return props;
  }
}
