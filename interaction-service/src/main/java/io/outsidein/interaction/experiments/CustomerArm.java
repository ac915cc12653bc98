package io.outsidein.interaction.experiments;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's arm in a running experiment, with the goodwill latitude per ISO 4217 currency it
 * grants while they are in it: none for a control arm or an arm that recommends an action.
 */
public record CustomerArm(UUID experimentId, String arm, Map<String, BigDecimal> latitudes) {
  public CustomerArm {
    latitudes = Map.copyOf(latitudes);
  }
}
