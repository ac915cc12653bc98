package io.outsidein.events.interaction;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record CaseHandedOff(
    UUID caseId,
    UUID customerId,
    Department fromDepartment,
    Department toDepartment,
    Instant handedOffAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.CASE_HANDED_OFF;
  }
}
