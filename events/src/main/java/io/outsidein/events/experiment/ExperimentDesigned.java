package io.outsidein.events.experiment;

import io.outsidein.events.EventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An analyst designed an experiment that runs from {@code startsAt} (to {@code endsAt}, when set):
 * its arms, which every service needs to compute a customer's arm from the experiment and customer
 * ids (module experiments). The name and hypothesis are free text and stay in insight-service.
 * Keyed by the experiment id.
 */
public record ExperimentDesigned(
    UUID experimentId, List<ExperimentArm> arms, Instant startsAt, Instant endsAt)
    implements EventData {
  @Override
  public String subject() {
    return experimentId.toString();
  }

  @Override
  public EventType eventType() {
    return EventType.EXPERIMENT_DESIGNED;
  }
}
