package io.outsidein.events.interaction;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record CaseResolved(UUID caseId, UUID customerId, Instant resolvedAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.CASE_RESOLVED;
  }
}
