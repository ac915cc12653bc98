package io.outsidein.events.experiment;

import io.outsidein.events.CustomerEventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer matched an experiment's population and takes part from {@code enrolledAt} until the
 * experiment ends or stops. Only insight-service knows who matches (risk and reasons are its
 * knowledge); {@code arm} is the arm the shared assignment gives, which a consumer that knows the
 * experiment's arms can compute itself.
 */
public record CustomerEnrolled(UUID experimentId, UUID customerId, String arm, Instant enrolledAt)
    implements CustomerEventData {
  @Override
  public EventType eventType() {
    return EventType.CUSTOMER_ENROLLED;
  }
}
