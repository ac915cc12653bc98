package io.outsidein.interaction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;

/**
 * How much goodwill the front line may grant without a supervisor, under {@code
 * outsidein.gestures}.
 */
@ConfigMapping(prefix = "outsidein.gestures")
public interface GestureConfig {

  /**
   * {@code outsidein.gestures.latitude}: the largest amount approved at once, in units of any
   * currency.
   */
  @WithDefault("25.00")
  BigDecimal latitude();

  /**
   * {@code outsidein.gestures.segment-latitude.<segment>}: a segment's own latitude, overriding the
   * default.
   */
  Map<String, BigDecimal> segmentLatitude();

  /** The latitude of a customer in {@code segment} (null when the segment is not known). */
  default BigDecimal latitudeFor(String segment) {
    return segment == null ? latitude() : segmentLatitude().getOrDefault(segment, latitude());
  }
}
