package io.outsidein.events.interaction;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record CaseOpened(UUID caseId, UUID customerId, Department department, Instant openedAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.CASE_OPENED;
  }
}
