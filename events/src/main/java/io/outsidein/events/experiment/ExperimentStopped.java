package io.outsidein.events.experiment;

import io.outsidein.events.EventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** An experiment was stopped before its end: no arm applies from {@code stoppedAt}. */
public record ExperimentStopped(UUID experimentId, Instant stoppedAt) implements EventData {
  @Override
  public String subject() {
    return experimentId.toString();
  }

  @Override
  public EventType eventType() {
    return EventType.EXPERIMENT_STOPPED;
  }
}
