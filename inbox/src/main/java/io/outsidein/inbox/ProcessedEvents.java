package io.outsidein.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** The record of applied event ids that makes consumption idempotent. */
@ApplicationScoped
public class ProcessedEvents {
  private final EntityManager entityManager;
  private final Clock clock;

  ProcessedEvents(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /**
   * Records the event id and says whether this is its first delivery. Mandatory: recording it
   * outside the transaction of the effect would make redelivery lose or repeat the effect.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(UUID eventId, String eventType) {
    return entityManager
            .createNativeQuery(
                "INSERT INTO processed_event (event_id, event_type, processed_at)"
                    + " VALUES (:id, :type, :at) ON CONFLICT (event_id) DO NOTHING")
            .setParameter("id", eventId)
            .setParameter("type", eventType)
            .setParameter("at", clock.instant())
            .executeUpdate()
        == 1;
  }
}
