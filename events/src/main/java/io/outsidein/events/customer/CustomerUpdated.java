package io.outsidein.events.customer;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Names the fields that changed, never their values. */
public record CustomerUpdated(UUID customerId, List<String> changedFields, Instant updatedAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.CUSTOMER_UPDATED;
  }
}
