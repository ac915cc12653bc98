package io.outsidein.inbox;

import io.outsidein.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

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

  /**
   * {@link #firstDelivery} for a whole poll in one statement: answers the ids recorded now, each
   * once however often the poll holds it. A statement per event was most of a consumer's round
   * trips to the database once its handlers worked on sets.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<UUID> firstDeliveries(List<CloudEvent> events) {
    Set<UUID> first = new HashSet<>();
    if (events.isEmpty()) {
      return first;
    }
    entityManager.flush();
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO processed_event (event_id, event_type, processed_at)"
                          + " SELECT id, type, ? FROM unnest(?, ?) AS e(id, type)"
                          + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id")) {
                insert.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.setArray(
                    2,
                    connection.createArrayOf(
                        "uuid", events.stream().map(CloudEvent::id).toArray(UUID[]::new)));
                insert.setArray(
                    3,
                    connection.createArrayOf(
                        "varchar", events.stream().map(CloudEvent::type).toArray(String[]::new)));
                try (ResultSet rows = insert.executeQuery()) {
                  while (rows.next()) {
                    first.add(rows.getObject(1, UUID.class));
                  }
                }
              }
              return first;
            });
  }
}
