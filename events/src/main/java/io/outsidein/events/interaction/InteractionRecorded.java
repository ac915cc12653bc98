package io.outsidein.events.interaction;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A touchpoint; its summary and attributes stay in interaction-service. */
public record InteractionRecorded(
    UUID interactionId,
    UUID customerId,
    Instant occurredAt,
    Channel channel,
    Department department,
    InteractionType type,
    UUID caseId,
    Rating rating,
    Double sentiment,
    Money amount)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.INTERACTION_RECORDED;
  }
}
