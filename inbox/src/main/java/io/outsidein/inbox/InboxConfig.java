package io.outsidein.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of the event consumer, under {@code outsidein.inbox}. */
@ConfigMapping(prefix = "outsidein.inbox")
public interface InboxConfig {

  /** {@code outsidein.inbox.enabled}: whether this instance consumes. */
  @WithDefault("true")
  boolean enabled();

  /** {@code outsidein.inbox.topics}: the topics this service consumes. */
  List<String> topics();

  /** {@code outsidein.inbox.group}: the consumer group; instances of a service share it. */
  @WithDefault("${quarkus.application.name}")
  String group();

  /** {@code outsidein.inbox.attempts}: tries before a message goes to the dead-letter topic. */
  @WithDefault("3")
  int attempts();

  /** {@code outsidein.inbox.retry-backoff}: the pause between tries of one message. */
  @WithDefault("200ms")
  Duration retryBackoff();

  /** {@code outsidein.inbox.max-poll-records}: events fetched, and applied together, per poll. */
  @WithDefault("500")
  int maxPollRecords();
}
