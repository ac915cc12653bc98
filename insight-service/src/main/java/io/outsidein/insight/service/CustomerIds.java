package io.outsidein.insight.service;

import io.outsidein.insight.domain.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which customer an event counts for: a merged duplicate's events join its survivor, and an erased
 * customer's late events are dropped rather than bringing the customer back.
 */
@ApplicationScoped
public class CustomerIds {
  static final String DEFAULT_SEGMENT = "general";
  private static final int MAX_MERGE_CHAIN = 16;

  private final EntityManager entityManager;

  CustomerIds(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The id events of this customer now belong to, or empty if the customer was erased. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<UUID> live(UUID customerId) {
    UUID id = customerId;
    for (int i = 0; i < MAX_MERGE_CHAIN; i++) {
      share(id);
      // Both questions in one statement: this runs for every event, and insight is bound by
      // round trips to the database.
      Object[] row =
          (Object[])
              entityManager
                  .createNativeQuery(
                      "SELECT (SELECT 1 FROM erased_customer WHERE customer_id = :id),"
                          + " (SELECT survivor_id FROM customer_alias WHERE duplicate_id = :id)")
                  .setParameter("id", id)
                  .getSingleResult();
      if (row[0] != null) {
        return Optional.empty();
      }
      if (row[1] == null) {
        return Optional.of(id);
      }
      id = (UUID) row[1];
    }
    return Optional.of(id);
  }

  /**
   * Holds the customer's id against a merge or an erasure until this transaction ends, so that an
   * event applied meanwhile by another consumer thread or instance sees the customer wholly before
   * or wholly after it: never a touchpoint left under a merged or erased id.
   */
  private void share(UUID customerId) {
    lock("pg_advisory_xact_lock_shared", customerId);
  }

  /** Waits until no transaction {@link #live holds} the id, and keeps others out until the end. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void own(UUID customerId) {
    lock("pg_advisory_xact_lock", customerId);
  }

  private void lock(String function, UUID customerId) {
    entityManager
        .createNativeQuery("SELECT 1 FROM (SELECT " + function + "(:key)) AS locked")
        .setParameter(
            "key", customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits())
        .getSingleResult();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean erased(UUID customerId) {
    return !entityManager
        .createNativeQuery("SELECT 1 FROM erased_customer WHERE customer_id = :id")
        .setParameter("id", customerId)
        .getResultList()
        .isEmpty();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<UUID> survivorOf(UUID duplicateId) {
    List<?> rows =
        entityManager
            .createNativeQuery("SELECT survivor_id FROM customer_alias WHERE duplicate_id = :id")
            .setParameter("id", duplicateId)
            .getResultList();
    return rows.stream().findFirst().map(r -> (UUID) r);
  }

  /**
   * The customer's profile, created in the default segment when their other events come before
   * their registration; its registeredAt is the earliest event time seen (imported history may
   * predate the registration).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public CustomerProfile profile(UUID customerId, Instant firstSeen) {
    CustomerProfile profile = CustomerProfile.findById(customerId);
    if (profile == null) {
      profile = new CustomerProfile();
      profile.customerId = customerId;
      profile.segment = DEFAULT_SEGMENT;
      profile.status = "ACTIVE";
      profile.registeredAt = HistoryLoader.micros(firstSeen);
      profile.persist();
    } else if (firstSeen != null && firstSeen.isBefore(profile.registeredAt)) {
      // The earliest time of any of the customer's events, whatever order they are applied in.
      profile.registeredAt = HistoryLoader.micros(firstSeen);
    }
    return profile;
  }
}
