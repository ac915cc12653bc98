package io.outsidein.events.interaction;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone acted on a customer. {@code caseId} is absent when the action was not about a case,
 * {@code gestureId} unless the action is an approved gesture; {@code actor} is the employee or
 * system id that acted. The note stays in interaction-service: it is free text.
 */
public record ActionTaken(
    UUID actionId,
    UUID customerId,
    ActionCode code,
    UUID caseId,
    UUID gestureId,
    String actor,
    Instant takenAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.ACTION_TAKEN;
  }
}
