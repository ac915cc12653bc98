package io.outsidein.events.interaction;

import io.outsidein.events.EventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record CaseOpened(UUID caseId, UUID customerId, Department department, Instant openedAt)
    implements EventData {
  @Override
  public EventType eventType() {
    return EventType.CASE_OPENED;
  }
}
