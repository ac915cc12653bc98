package io.outsidein.events.customer;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

public record CustomerSegmentChanged(UUID customerId, String from, String to, Instant changedAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.CUSTOMER_SEGMENT_CHANGED;
  }
}
