package io.outsidein.events.interaction;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A goodwill gesture offered on a case: APPROVED when the goodwill policy allows it, else
 * PENDING_APPROVAL; {@code rule} names the rule that decided and {@code policyVersion} the policy's
 * version (both absent from events written before the policy was data).
 */
public record GestureGranted(
    UUID gestureId,
    UUID caseId,
    UUID customerId,
    Money amount,
    GestureStatus status,
    Instant grantedAt,
    String rule,
    Integer policyVersion)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.GESTURE_GRANTED;
  }
}
