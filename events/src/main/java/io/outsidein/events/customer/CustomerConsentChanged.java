package io.outsidein.events.customer;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record CustomerConsentChanged(UUID customerId, Consents consents, Instant changedAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.CUSTOMER_CONSENT_CHANGED;
  }
}
