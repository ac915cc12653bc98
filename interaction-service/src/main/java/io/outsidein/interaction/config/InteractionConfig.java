package io.outsidein.interaction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules of recording interactions, under {@code outsidein.interactions}. */
@ConfigMapping(prefix = "outsidein.interactions")
public interface InteractionConfig {

  /**
   * {@code outsidein.interactions.future-skew}: how far in the future occurredAt may be (clock
   * skew).
   */
  @WithDefault("PT5M")
  Duration futureSkew();

  /** {@code outsidein.interactions.batch-chunk-size}: batch items stored per transaction. */
  @WithDefault("500")
  int batchChunkSize();

  /** {@code outsidein.interactions.group-commit.*}: single records sharing transactions. */
  GroupCommit groupCommit();

  /** How single POSTs arriving together are written in one transaction. */
  interface GroupCommit {
    /**
     * {@code ...group-commit.enabled}: off, each single POST has its own transaction (the writers
     * still write it, one at a time each).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * {@code ...group-commit.writers}: transactions writing at once, each holding a connection;
     * more let a slow customer lookup hold up fewer requests.
     */
    @WithDefault("4")
    int writers();

    /** {@code ...group-commit.max-size}: single records written in one transaction at most. */
    @WithDefault("200")
    int maxSize();
  }
}
