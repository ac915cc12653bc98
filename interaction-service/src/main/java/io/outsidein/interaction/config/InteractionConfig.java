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
}
