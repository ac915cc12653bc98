package io.outsidein.events.customer;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** Every service forgets this customer's personal data when it sees this event. */
public record CustomerErased(UUID customerId, Instant erasedAt) implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.CUSTOMER_ERASED;
  }
}
