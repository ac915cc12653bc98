package io.outsidein.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of Idempotency-Key handling, under {@code outsidein.idempotency}. */
@ConfigMapping(prefix = "outsidein.idempotency")
public interface IdempotencyConfig {

  /** {@code outsidein.idempotency.retention}: how long a key and its response are kept. */
  @WithDefault("PT24H")
  Duration retention();
}
