package io.outsidein.events.interaction;

import io.outsidein.events.EventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A goodwill gesture offered on a case: APPROVED within the latitude, else PENDING_APPROVAL. */
public record GestureGranted(
    UUID gestureId,
    UUID caseId,
    UUID customerId,
    Money amount,
    GestureStatus status,
    Instant grantedAt)
    implements EventData {
  @Override
  public EventType eventType() {
    return EventType.GESTURE_GRANTED;
  }
}
