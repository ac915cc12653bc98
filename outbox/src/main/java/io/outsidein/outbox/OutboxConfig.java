package io.outsidein.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay, under {@code outsidein.outbox}. */
@ConfigMapping(prefix = "outsidein.outbox")
public interface OutboxConfig {

  /** {@code outsidein.outbox.source}: the CloudEvents source of this service's events. */
  @WithDefault("/outside-in/${quarkus.application.name}")
  String source();

  /**
   * {@code outsidein.outbox.system-actor}: the CloudEvents {@code actor} of events no caller caused
   * (scheduled work, events consumed without an actor).
   */
  @WithDefault("${quarkus.application.name}")
  String systemActor();

  /**
   * {@code outsidein.outbox.relay-enabled}: whether this instance relays (tests may turn it off).
   */
  @WithDefault("true")
  boolean relayEnabled();

  /** {@code outsidein.outbox.poll-interval}: the fallback when no commit wakes the relay. */
  @WithDefault("1s")
  Duration pollInterval();

  /** {@code outsidein.outbox.batch-size}: rows relayed per transaction. */
  @WithDefault("500")
  int batchSize();

  /** {@code outsidein.outbox.retry-backoff}: the pause after a failed relay (Kafka down). */
  @WithDefault("2s")
  Duration retryBackoff();

  /** {@code outsidein.outbox.retention}: how long sent rows are kept for audit before deletion. */
  @WithDefault("P7D")
  Duration retention();
}
