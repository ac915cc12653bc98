package io.outsidein.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.outsidein.events.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in write order and marks them sent. Woken right after a commit, it
 * also polls as a fallback. Only one relay per database sends at a time (an advisory lock), so
 * several instances of a service never reorder one customer's events.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  // Any fixed number: the key of the advisory lock that elects the sending relay.
  private static final long RELAY_LOCK = 0x07b0c5L;
  private static final long SEND_TIMEOUT_SECONDS = 30;
  private static final int COUNTED_BACKLOG = 10_000;

  private final EntityManager entityManager;
  private final OutboxConfig config;
  private final Map<String, Object> kafkaConfig;
  private final MeterRegistry meters;
  private final OutboxTracing tracing;
  private final Clock clock;
  private final Semaphore wakeUps = new Semaphore(0);
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestUnsentMillis = new AtomicLong();
  private volatile boolean running;
  private Thread worker;
  private KafkaProducer<String, byte[]> producer;
  private Instant lastCleanup = Instant.EPOCH;
  private final List<Gauge> gauges = new ArrayList<>();

  OutboxRelay(
      EntityManager entityManager,
      OutboxConfig config,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      MeterRegistry meters,
      OutboxTracing tracing,
      Clock clock) {
    this.entityManager = entityManager;
    this.config = config;
    this.kafkaConfig = kafkaConfig;
    this.meters = meters;
    this.tracing = tracing;
    this.clock = clock;
  }

  void start(@Observes StartupEvent event) {
    gauges.add(
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
            .description("Outbox rows not yet published to Kafka, as of the relay's latest read")
            .register(meters));
    gauges.add(
        Gauge.builder("outbox.oldest.unsent.age", this, r -> r.oldestUnsentAgeSeconds())
            .description("Age in seconds of the oldest outbox row not yet published (0 when none)")
            .baseUnit("seconds")
            .register(meters));
    if (!config.relayEnabled()) {
      LOG.info("outbox relay disabled by configuration");
      return;
    }
    producer =
        new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
    running = true;
    worker = new Thread(this::run, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) {
    // The registry can outlive this application (tests restart it): take the gauges along.
    gauges.forEach(meters::remove);
    gauges.clear();
    running = false;
    if (worker != null) {
      wake();
      try {
        worker.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      producer.close(java.time.Duration.ofSeconds(5));
    }
  }

  /** Asks the relay to look at the outbox now instead of at its next poll. */
  public void wake() {
    wakeUps.release();
  }

  private void run() {
    boolean failing = false;
    while (running) {
      try {
        int sent = relayBatch();
        if (failing) {
          LOG.info("outbox relay is publishing again");
          failing = false;
        }
        cleanUpNowAndThen();
        if (sent < config.batchSize()) {
          pause(config.pollInterval().toMillis());
        }
      } catch (RuntimeException e) {
        if (!failing) {
          // Logged once per outage: the rows stay in the outbox and are retried.
          LOG.warnf("outbox relay cannot publish yet, will retry: %s", rootMessage(e));
          failing = true;
        }
        countWhileFailing();
        pause(config.retryBackoff().toMillis());
      }
    }
  }

  /**
   * The failed batch's rollback took its count along, so an outage would leave the backlog at its
   * last value, 0 most often, just when operators look at it: count in a transaction of its own.
   */
  private void countWhileFailing() {
    try {
      QuarkusTransaction.requiringNew().run(this::updateBacklog);
    } catch (RuntimeException e) {
      // The database is out of reach too; the next failed round counts again.
    }
  }

  private void pause(long millis) {
    try {
      wakeUps.tryAcquire(millis, TimeUnit.MILLISECONDS);
      wakeUps.drainPermits();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Sends one batch and marks it sent, in one transaction; a failure leaves every row unsent. */
  int relayBatch() {
    return QuarkusTransaction.requiringNew()
        .timeout((int) SEND_TIMEOUT_SECONDS * 2)
        .call(
            () -> {
              Boolean leader =
                  (Boolean)
                      entityManager
                          .createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                          .setParameter("lock", RELAY_LOCK)
                          .getSingleResult();
              if (!leader) {
                return 0;
              }
              List<OutboxMessage> batch =
                  entityManager
                      .createNativeQuery(
                          "SELECT * FROM outbox_message WHERE published_at IS NULL"
                              + " ORDER BY position LIMIT :limit",
                          OutboxMessage.class)
                      .setParameter("limit", config.batchSize())
                      .getResultList();
              if (!batch.isEmpty()) {
                publish(batch);
              }
              if (batch.size() < config.batchSize()) {
                // The read took every unsent row there was, and they are now sent: nothing is
                // waiting as of that read. Counting again would walk the unsent index's entries of
                // rows just sent, dead until a vacuum, on every poll.
                backlog.set(0);
                oldestUnsentMillis.set(0);
              } else {
                updateBacklog();
              }
              return batch.size();
            });
  }

  private void publish(List<OutboxMessage> batch) throws Exception {
    List<Future<?>> acks = new ArrayList<>(batch.size());
    List<Span> spans = new ArrayList<>(batch.size());
    try {
      for (OutboxMessage message : batch) {
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(
                message.topic,
                message.messageKey,
                message.payload.getBytes(StandardCharsets.UTF_8));
        record
            .headers()
            .add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Span span = tracing.startPublish(message);
        spans.add(span);
        tracing.inject(span, record.headers());
        acks.add(producer.send(record));
      }
      producer.flush();
      for (Future<?> ack : acks) {
        ack.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      spans.forEach(span -> span.setStatus(StatusCode.ERROR, rootMessage(e)));
      throw e;
    } finally {
      spans.forEach(Span::end);
    }
    List<UUID> ids = batch.stream().map(m -> m.id).toList();
    entityManager
        .createNativeQuery("UPDATE outbox_message SET published_at = :now WHERE id IN (:ids)")
        .setParameter("now", clock.instant())
        .setParameter("ids", ids)
        .executeUpdate();
    long now = clock.millis();
    for (OutboxMessage message : batch) {
      Counter.builder("outbox.events.published")
          .description("Events published to Kafka from the outbox")
          .tag("type", message.eventType)
          .register(meters)
          .increment();
      // The relay's share of an event's way to its consumers, as the oldest-unsent gauge cannot
      // show between scrapes.
      Timer.builder("outbox.publish.delay")
          .description("From an outbox row's writing to its publication to Kafka")
          .tag("type", message.eventType)
          .publishPercentiles(0.5, 0.99)
          .register(meters)
          .record(Math.max(0, now - message.createdAt.toEpochMilli()), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Reads the backlog after a full batch was marked sent (the same transaction sees it). Counting
   * every unsent row for every batch made the relay slower the further behind it was (a bulk import
   * of 1.6 million rows was published at 900 rows/s): rows are counted up to {@value
   * #COUNTED_BACKLOG}; beyond that the backlog is the span of the unsent rows' positions, which
   * overstates it only by writes rolled back inside that span. Each end is read as the first row of
   * an ordered index scan: with stale statistics the planner answered {@code max(position)} by
   * reading every unsent row.
   */
  private void updateBacklog() {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    """
                    SELECT
                      (SELECT count(*) FROM (SELECT 1 FROM outbox_message
                         WHERE published_at IS NULL LIMIT :counted) AS unsent),
                      (SELECT position FROM outbox_message WHERE published_at IS NULL
                         ORDER BY position DESC LIMIT 1)
                        - (SELECT position FROM outbox_message WHERE published_at IS NULL
                         ORDER BY position LIMIT 1) + 1,
                      (SELECT created_at FROM outbox_message WHERE published_at IS NULL
                         ORDER BY position LIMIT 1)
                    """)
                .setParameter("counted", COUNTED_BACKLOG)
                .getSingleResult();
    long counted = ((Number) row[0]).longValue();
    backlog.set(counted < COUNTED_BACKLOG ? counted : ((Number) row[1]).longValue());
    oldestUnsentMillis.set(row[2] == null ? 0 : toInstant(row[2]).toEpochMilli());
  }

  private double oldestUnsentAgeSeconds() {
    long oldest = oldestUnsentMillis.get();
    return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }

  private static Instant toInstant(Object timestamp) {
    if (timestamp instanceof Instant instant) {
      return instant;
    }
    if (timestamp instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((java.sql.Timestamp) timestamp).toInstant();
  }

  private void cleanUpNowAndThen() {
    Instant now = clock.instant();
    if (now.isBefore(lastCleanup.plusSeconds(600))) {
      return;
    }
    lastCleanup = now;
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("DELETE FROM outbox_message WHERE published_at < :before")
                    .setParameter("before", now.minus(config.retention()))
                    .executeUpdate());
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> props = new HashMap<>(kafkaConfig);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    // Fail fast while the broker is down; the rows stay in the outbox and are retried.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + UUID.randomUUID());
    return props;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
