package io.outsidein.insight.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How rebuild jobs show they are alive, under {@code outsidein.insight.rebuild}. */
@ConfigMapping(prefix = "outsidein.insight.rebuild")
public interface RebuildSettings {

  /**
   * {@code outsidein.insight.rebuild.heartbeat-every}: how often a running job records progress.
   */
  @WithDefault("PT5S")
  Duration heartbeatEvery();

  /**
   * {@code outsidein.insight.rebuild.abandoned-after}: a running job silent this long was left by
   * an instance that stopped; it is marked failed and a new rebuild may start.
   */
  @WithDefault("PT60S")
  Duration abandonedAfter();
}
