package io.outsidein.events.customer;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** The duplicate became MERGED into the survivor; keyed by the survivor. */
public record CustomerMerged(UUID survivorId, UUID duplicateId, Instant mergedAt)
    implements CustomerEventData {
  @Override
  public UUID customerId() {
    return survivorId;
  }

  @Override
  public EventType eventType() {
    return EventType.CUSTOMER_MERGED;
  }
}
