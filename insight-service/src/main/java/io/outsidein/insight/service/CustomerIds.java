package io.outsidein.insight.service;

import io.outsidein.insight.domain.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * {@link #live} for a set of customers in two statements: each id mapped to the id its events now
   * belong to; erased customers are left out.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<UUID, UUID> liveAll(Collection<UUID> customerIds) {
    List<UUID> sorted = customerIds.stream().distinct().sorted().toList();
    Map<UUID, UUID> live = new LinkedHashMap<>();
    if (sorted.isEmpty()) {
      return live;
    }
    List<UUID> merged = new ArrayList<>();
    SetStatements.run(
        entityManager,
        connection -> {
          // In key order, so that two transactions sharing several ids cannot wait on each other.
          Long[] keys = sorted.stream().map(CustomerIds::key).sorted().toArray(Long[]::new);
          try (PreparedStatement lock =
              connection.prepareStatement(
                  "SELECT count(pg_advisory_xact_lock_shared(k)) FROM unnest(?) AS k")) {
            lock.setArray(1, connection.createArrayOf("bigint", keys));
            lock.executeQuery().close();
          }
          // A statement of its own: its snapshot is taken after the locks are held.
          try (PreparedStatement find =
              connection.prepareStatement(
                  "SELECT c.id, EXISTS (SELECT 1 FROM erased_customer e WHERE e.customer_id = c.id)"
                      + " AS erased, (SELECT a.survivor_id FROM customer_alias a"
                      + " WHERE a.duplicate_id = c.id) AS survivor"
                      + " FROM unnest(?) AS c(id)")) {
            find.setArray(1, SetStatements.uuids(connection, sorted));
            try (ResultSet rows = find.executeQuery()) {
              while (rows.next()) {
                UUID id = SetStatements.uuid(rows, "id");
                if (rows.getBoolean("erased")) {
                  continue;
                }
                if (rows.getObject("survivor") == null) {
                  live.put(id, id);
                } else {
                  merged.add(id);
                }
              }
            }
          }
          return null;
        });
    // Merged duplicates are few: their survivors are followed one by one.
    for (UUID duplicate : merged) {
      live(duplicate).ifPresent(survivor -> live.put(duplicate, survivor));
    }
    return live;
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
        .setParameter("key", key(customerId))
        .getSingleResult();
  }

  private static long key(UUID customerId) {
    return customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits();
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
