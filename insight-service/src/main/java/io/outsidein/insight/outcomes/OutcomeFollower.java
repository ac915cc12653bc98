package io.outsidein.insight.outcomes;

import io.outsidein.events.interaction.ActionTaken;
import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.domain.CustomerInsight;
import io.outsidein.insight.domain.CustomerProfile;
import io.outsidein.insight.service.CustomerIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts following a customer when an action is taken on them, and with them a few customers of the
 * same segment and churn risk at that moment on whom nobody acted, over the same window.
 */
@ApplicationScoped
public class OutcomeFollower {
  /** The segment of a customer insight-service has not heard of yet. */
  static final String UNKNOWN_SEGMENT = "unknown";

  private final CustomerIds ids;
  private final EntityManager entityManager;
  private final InsightConfig config;

  OutcomeFollower(CustomerIds ids, EntityManager entityManager, InsightConfig config) {
    this.ids = ids;
    this.entityManager = entityManager;
    this.config = config;
  }

  /**
   * Opens the action's window, once: a redelivered or replayed action finds its row and changes
   * nothing. An erased customer's action is not followed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void actionTaken(ActionTaken action) {
    Optional<UUID> live = ids.live(action.customerId());
    if (live.isEmpty() || OutcomeFollow.findById(action.actionId()) != null) {
      return;
    }
    UUID customer = live.get();
    CustomerInsight insight = CustomerInsight.findById(customer);
    String segment = segmentOf(customer, insight);
    Instant closesAt = action.takenAt().plus(config.outcome().window());
    OutcomeFollow acted =
        follow(action, action.actionId(), OutcomeFollow.Kind.ACTED, customer, segment, closesAt);
    acted.churnRisk = insight == null ? null : insight.churnRisk;
    acted.healthBefore = insight == null ? null : insight.healthScore;
    acted.persist();
    if (insight == null) {
      // No risk known to match on: the action is measured, without a comparison.
      return;
    }
    for (Object[] row : comparable(customer, segment, insight.churnRisk, action)) {
      UUID other = (UUID) row[0];
      OutcomeFollow comparison =
          follow(
              action,
              comparisonId(action.actionId(), other),
              OutcomeFollow.Kind.COMPARISON,
              other,
              segment,
              closesAt);
      comparison.churnRisk = insight.churnRisk;
      comparison.healthBefore = ((Number) row[1]).intValue();
      comparison.persist();
    }
  }

  /**
   * Customers of the same segment and risk now, on whom no action was taken within one window
   * before this one; a fixed pseudo-random draw per action (a hash of action and customer ids), so
   * a replay draws the same customers and large segments are not sampled in id order.
   */
  @SuppressWarnings("unchecked")
  private List<Object[]> comparable(
      UUID customer, String segment, String churnRisk, ActionTaken action) {
    return entityManager
        .createNativeQuery(
            "SELECT i.customer_id, i.health_score FROM customer_insight i"
                + " WHERE i.segment = :segment AND i.churn_risk = :risk AND i.customer_id <> :customer"
                + " AND NOT EXISTS (SELECT 1 FROM outcome_follow f WHERE f.kind = 'ACTED'"
                + " AND f.customer_id = i.customer_id AND f.opened_at > :since)"
                + " ORDER BY md5(i.customer_id::text || :action) LIMIT :limit")
        .setParameter("segment", segment)
        .setParameter("risk", churnRisk)
        .setParameter("customer", customer)
        .setParameter("since", action.takenAt().minus(config.outcome().window()))
        .setParameter("action", action.actionId().toString())
        .setParameter("limit", config.outcome().comparisonsPerAction())
        .getResultList();
  }

  private static OutcomeFollow follow(
      ActionTaken action,
      UUID id,
      OutcomeFollow.Kind kind,
      UUID customer,
      String segment,
      Instant closesAt) {
    OutcomeFollow f = new OutcomeFollow();
    f.id = id;
    f.actionId = action.actionId();
    f.kind = kind;
    f.customerId = customer;
    f.code = action.code().name();
    f.segment = segment;
    f.openedAt = action.takenAt();
    f.closesAt = closesAt;
    f.status = OutcomeFollow.Status.FOLLOWING;
    return f;
  }

  private static String segmentOf(UUID customer, CustomerInsight insight) {
    if (insight != null) {
      return insight.segment;
    }
    CustomerProfile profile = CustomerProfile.findById(customer);
    return profile == null ? UNKNOWN_SEGMENT : profile.segment;
  }

  static UUID comparisonId(UUID actionId, UUID customerId) {
    return UUID.nameUUIDFromBytes(
        (actionId + "/" + customerId).getBytes(StandardCharsets.US_ASCII));
  }
}
