package io.outsidein.events.interaction;

import io.outsidein.events.EventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record CaseHandedOff(
    UUID caseId,
    UUID customerId,
    Department fromDepartment,
    Department toDepartment,
    Instant handedOffAt)
    implements EventData {
  @Override
  public EventType eventType() {
    return EventType.CASE_HANDED_OFF;
  }
}
