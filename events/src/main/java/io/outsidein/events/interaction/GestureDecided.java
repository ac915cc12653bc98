package io.outsidein.events.interaction;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record GestureDecided(
    UUID gestureId, UUID caseId, UUID customerId, GestureStatus status, Instant decidedAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.GESTURE_DECIDED;
  }
}
