package io.outsidein.events.customer;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record CustomerRegistered(
    UUID customerId, String segment, Consents consents, Instant registeredAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.CUSTOMER_REGISTERED;
  }
}
