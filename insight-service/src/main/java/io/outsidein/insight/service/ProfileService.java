package io.outsidein.insight.service;

import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.insight.domain.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Keeps insight's view of each customer up to date from customer events. */
@ApplicationScoped
public class ProfileService {
  private static final List<String> CUSTOMER_TABLES =
      List.of(
          "touchpoint",
          "case_journey",
          "case_handoff",
          "goodwill_gesture",
          "outcome_follow",
          "risk_note");

  private final CustomerIds ids;
  private final InsightService insights;
  private final ActivityTally tally;
  private final EntityManager entityManager;

  ProfileService(
      CustomerIds ids, InsightService insights, ActivityTally tally, EntityManager entityManager) {
    this.ids = ids;
    this.insights = insights;
    this.tally = tally;
    this.entityManager = entityManager;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void registered(CustomerRegistered event) {
    String segment = event.segment() == null ? CustomerIds.DEFAULT_SEGMENT : event.segment();
    setSegment(event.customerId(), segment, event.registeredAt());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void segmentChanged(CustomerSegmentChanged event) {
    setSegment(event.customerId(), event.to(), event.changedAt());
  }

  private void setSegment(UUID customerId, String segment, Instant eventTime) {
    Instant at = HistoryLoader.micros(eventTime);
    ids.live(customerId)
        .ifPresent(
            id -> {
              CustomerProfile profile = ids.profile(id, at);
              // Events may be applied out of order (a rebuild beside the live consumer): the
              // latest segment wins.
              if (profile.segmentAt == null || !at.isBefore(profile.segmentAt)) {
                profile.segment = segment;
                profile.segmentAt = at;
              }
              insights.recomputeBeforeCommit(id);
            });
  }

  /** The duplicate's history joins the survivor, whose insight is then computed again. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void merged(CustomerMerged event) {
    UUID duplicate = event.duplicateId();
    // Waits for any transaction still recording an event of the duplicate, whose rows this moves.
    ids.own(duplicate);
    if (ids.erased(duplicate) || duplicate.equals(event.survivorId())) {
      return;
    }
    var live = ids.live(event.survivorId());
    if (live.isEmpty()) {
      forget(duplicate, event.mergedAt());
      return;
    }
    UUID survivor = live.get();
    CustomerProfile duplicateProfile = CustomerProfile.findById(duplicate);
    CustomerProfile survivorProfile = CustomerProfile.findById(survivor);
    if (survivorProfile == null) {
      survivorProfile = ids.profile(survivor, event.mergedAt());
      if (duplicateProfile != null) {
        survivorProfile.segment = duplicateProfile.segment;
      }
    }
    if (duplicateProfile != null) {
      ids.profile(survivor, duplicateProfile.registeredAt);
    }
    // Bulk statements below bypass the persistence context: write it out first, then drop it.
    entityManager.flush();
    // Arms follow the customer id: the duplicate's enrolments go (interaction-service drops them
    // too); the survivor keeps their own, or is enrolled on the next round if they match.
    entityManager
        .createNativeQuery(
            "DELETE FROM outcome_follow WHERE customer_id = :duplicate AND kind = 'ENROLLED'")
        .setParameter("duplicate", duplicate)
        .executeUpdate();
    // The duplicate's open risk note ends unmeasured: the survivor has, or is given, its own, and
    // a customer has one open note at most. Its closed notes move like the rest.
    update(
        "DELETE FROM risk_note WHERE customer_id = :duplicate AND status = 'OPEN'",
        null,
        duplicate);
    for (String table : CUSTOMER_TABLES) {
      update(
          "UPDATE " + table + " SET customer_id = :survivor WHERE customer_id = :duplicate",
          survivor,
          duplicate);
    }
    tally.forget(duplicate);
    tally.recount(survivor);
    update("DELETE FROM customer_insight WHERE customer_id = :duplicate", null, duplicate);
    update("DELETE FROM customer_profile WHERE customer_id = :duplicate", null, duplicate);
    update(
        "UPDATE customer_alias SET survivor_id = :survivor WHERE survivor_id = :duplicate",
        survivor,
        duplicate);
    entityManager
        .createNativeQuery(
            "INSERT INTO customer_alias (duplicate_id, survivor_id, merged_at)"
                + " VALUES (:duplicate, :survivor, :at)"
                + " ON CONFLICT (duplicate_id) DO UPDATE SET survivor_id = :survivor")
        .setParameter("duplicate", duplicate)
        .setParameter("survivor", survivor)
        .setParameter("at", event.mergedAt())
        .executeUpdate();
    entityManager.clear();
    insights.recompute(survivor);
  }

  /** Removes every row about the customer; only the bare id stays, to refuse late events. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void erased(CustomerErased event) {
    // Waits for any transaction still recording an event of the customer, whose rows this deletes.
    ids.own(event.customerId());
    forget(event.customerId(), event.erasedAt());
  }

  private void forget(UUID customerId, Instant at) {
    entityManager.flush();
    @SuppressWarnings("unchecked")
    List<UUID> duplicates =
        entityManager
            .createNativeQuery("SELECT duplicate_id FROM customer_alias WHERE survivor_id = :id")
            .setParameter("id", customerId)
            .getResultList();
    for (UUID id : concat(customerId, duplicates)) {
      for (String table : CUSTOMER_TABLES) {
        update("DELETE FROM " + table + " WHERE customer_id = :duplicate", null, id);
      }
      tally.forget(id);
      update("DELETE FROM customer_insight WHERE customer_id = :duplicate", null, id);
      update("DELETE FROM customer_profile WHERE customer_id = :duplicate", null, id);
      update(
          "DELETE FROM customer_alias WHERE duplicate_id = :duplicate OR survivor_id = :duplicate",
          null,
          id);
      entityManager
          .createNativeQuery(
              "INSERT INTO erased_customer (customer_id, erased_at) VALUES (:id, :at)"
                  + " ON CONFLICT (customer_id) DO NOTHING")
          .setParameter("id", id)
          .setParameter("at", at)
          .executeUpdate();
    }
    entityManager.clear();
  }

  private static List<UUID> concat(UUID first, List<UUID> rest) {
    List<UUID> all = new java.util.ArrayList<>(rest);
    all.add(0, first);
    return all;
  }

  private void update(String sql, UUID survivor, UUID duplicate) {
    var query = entityManager.createNativeQuery(sql).setParameter("duplicate", duplicate);
    if (survivor != null) {
      query.setParameter("survivor", survivor);
    }
    query.executeUpdate();
  }
}
