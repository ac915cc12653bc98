package io.outsidein.events.customer;

import io.outsidein.events.EventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record CustomerRegistered(
    UUID customerId, String segment, Consents consents, Instant registeredAt) implements EventData {
  @Override
  public EventType eventType() {
    return EventType.CUSTOMER_REGISTERED;
  }
}
