package io.outsidein.insight.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.domain.CustomerInsight;
import io.outsidein.insight.domain.CustomerProfile;
import io.outsidein.insight.scoring.ChurnRisk;
import io.outsidein.insight.scoring.CustomerHistory;
import io.outsidein.insight.scoring.Insight;
import io.outsidein.insight.scoring.InsightScorer;
import io.outsidein.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Scores customers and keeps their latest insight. */
@ApplicationScoped
public class InsightService {
  private static final TypeReference<List<Insight.Reason>> REASONS = new TypeReference<>() {};
  private static final TypeReference<List<Insight.Action>> ACTIONS = new TypeReference<>() {};

  private final HistoryLoader histories;
  private final InsightScorer scorer;
  private final CustomerIds ids;
  private final ObjectMapper json;
  private final PendingInsights pending;
  private final EntityManager entityManager;

  InsightService(
      HistoryLoader histories,
      InsightConfig config,
      Clock clock,
      CustomerIds ids,
      ObjectMapper json,
      PendingInsights pending,
      EntityManager entityManager) {
    this.histories = histories;
    this.scorer = new InsightScorer(config, clock);
    this.ids = ids;
    this.json = json;
    this.pending = pending;
    this.entityManager = entityManager;
  }

  /**
   * Scores, once each, the customers this transaction's events touched. A customer merged or erased
   * by a later event of the same transaction is scored as its survivor, or not at all.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recomputePending() {
    for (UUID customerId : pending.drain()) {
      ids.live(customerId).ifPresent(this::recompute);
    }
  }

  /**
   * Scores the customer again from their rows. The profile row is locked first, so the scheduled
   * re-evaluation and the consumer never store a score computed from an older history.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recompute(UUID customerId) {
    CustomerProfile profile = CustomerProfile.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
    if (profile == null) {
      return;
    }
    CustomerHistory history = histories.load(profile);
    Insight insight = scorer.score(history);
    store(insight, scorer.nextChange(history, insight));
  }

  /** The latest insight of an active customer; 404 for an unknown, erased or merged one. */
  @Transactional
  public Insight find(UUID customerId) {
    Optional<UUID> survivor = ids.survivorOf(customerId);
    if (survivor.isPresent()) {
      throw new ProblemException(
          404,
          "not-found",
          "Not found",
          "customer " + customerId + " was merged into " + survivor.get(),
          Map.of("mergedInto", survivor.get()));
    }
    CustomerInsight row = CustomerInsight.findById(customerId);
    if (row == null) {
      CustomerProfile profile = CustomerProfile.findById(customerId);
      if (profile == null) {
        throw ProblemException.notFound("customer", customerId);
      }
      return scorer.score(histories.load(profile));
    }
    return toInsight(row);
  }

  public Insight toInsight(CustomerInsight row) {
    try {
      return new Insight(
          row.customerId,
          row.segment,
          row.healthScore,
          ChurnRisk.valueOf(row.churnRisk),
          json.readValue(row.reasons, REASONS),
          json.readValue(row.actions, ACTIONS),
          json.readValue(row.metrics, Insight.Metrics.class),
          row.computedAt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored insight of " + row.customerId + " is unreadable", e);
    }
  }

  public List<Insight.Reason> reasons(String stored) {
    try {
      return json.readValue(stored, REASONS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored reasons are unreadable", e);
    }
  }

  /** Inserts or replaces the customer's insight in one statement (this runs for every event). */
  private void store(Insight insight, Instant dueAt) {
    try {
      entityManager
          .createNativeQuery(
              """
              INSERT INTO customer_insight (customer_id, segment, health_score, churn_risk,
                risk_rank, reasons, actions, metrics, computed_at, due_at)
              VALUES (:customer, :segment, :health, :risk, :rank, :reasons, :actions, :metrics,
                :at, :due)
              ON CONFLICT (customer_id) DO UPDATE SET segment = EXCLUDED.segment,
                health_score = EXCLUDED.health_score, churn_risk = EXCLUDED.churn_risk,
                risk_rank = EXCLUDED.risk_rank, reasons = EXCLUDED.reasons,
                actions = EXCLUDED.actions, metrics = EXCLUDED.metrics,
                computed_at = EXCLUDED.computed_at, due_at = EXCLUDED.due_at
              """)
          .setParameter("customer", insight.customerId())
          .setParameter("segment", insight.segment())
          .setParameter("health", insight.healthScore())
          .setParameter("risk", insight.churnRisk().name())
          .setParameter("rank", insight.churnRisk().rank())
          .setParameter("reasons", json.writeValueAsString(insight.reasons()))
          .setParameter("actions", json.writeValueAsString(insight.nextBestActions()))
          .setParameter("metrics", json.writeValueAsString(insight.metrics()))
          .setParameter("at", insight.computedAt())
          .setParameter("due", dueAt)
          .executeUpdate();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("insight cannot be written as JSON", e);
    }
  }
}
