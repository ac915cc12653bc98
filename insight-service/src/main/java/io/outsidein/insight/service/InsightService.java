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
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Scores customers and keeps their latest insight. */
@ApplicationScoped
public class InsightService {
  private static final TypeReference<List<Insight.Reason>> REASONS = new TypeReference<>() {};
  private static final TypeReference<List<Insight.Action>> ACTIONS = new TypeReference<>() {};

  /** The reasons of the silent-churn rule: silent well beyond the customer's own rhythm. */
  private static final Set<String> SILENCE =
      Set.of(InsightScorer.ACTIVITY_DROP, InsightScorer.SILENT_AFTER_BAD_EXPERIENCE);

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

  /** Marks the customer to be scored once, with the rest, before the transaction commits. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recomputeBeforeCommit(UUID customerId) {
    pending.add(customerId);
  }

  /**
   * Scores, once each, the customers this transaction's events touched. A customer merged or erased
   * by a later event of the same transaction is scored as its survivor, or not at all.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recomputePending() {
    List<UUID> customers = pending.drain();
    if (!customers.isEmpty()) {
      recomputeAll(ids.liveAll(customers).values());
    }
  }

  /** Scores the customer again from their rows. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recompute(UUID customerId) {
    recomputeAll(List.of(customerId));
  }

  /**
   * Scores the customers again from their rows, in a handful of statements however many they are.
   * Their profile rows are locked first, in id order, so the scheduled re-evaluation and the
   * consumer never store a score computed from an older history.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recomputeAll(Collection<UUID> customerIds) {
    List<UUID> sorted = customerIds.stream().distinct().sorted().toList();
    if (sorted.isEmpty()) {
      return;
    }
    List<CustomerProfile> profiles = SetStatements.run(entityManager, c -> lock(c, sorted));
    List<CustomerHistory> loaded = histories.loadAll(profiles);
    List<Scored> scored = new ArrayList<>(loaded.size());
    for (CustomerHistory history : loaded) {
      Insight insight = scorer.score(history);
      scored.add(new Scored(insight, scorer.nextChange(history, insight)));
    }
    SetStatements.run(entityManager, c -> store(c, scored));
  }

  /**
   * Scores the customers again now and returns their stored insights by customer (none for one that
   * has no profile): what a measurement at the end of a window needs is their health and silence at
   * that moment, not as of their last event.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<UUID, CustomerInsight> rescoreNow(Collection<UUID> customerIds) {
    if (customerIds.isEmpty()) {
      return Map.of();
    }
    recomputeAll(customerIds);
    return entityManager
        .createQuery("from CustomerInsight i where i.customerId in :ids", CustomerInsight.class)
        .setParameter("ids", customerIds)
        .getResultStream()
        .collect(Collectors.toMap(i -> i.customerId, Function.identity()));
  }

  /** Whether the silent-churn rule finds the customer silent beyond their own rhythm. */
  public boolean silent(CustomerInsight insight) {
    return reasons(insight.reasons).stream().anyMatch(reason -> SILENCE.contains(reason.code()));
  }

  private record Scored(Insight insight, Instant dueAt) {}

  private static List<CustomerProfile> lock(Connection connection, List<UUID> sorted)
      throws SQLException {
    List<CustomerProfile> profiles = new ArrayList<>(sorted.size());
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT customer_id, segment FROM customer_profile WHERE customer_id = ANY (?)"
                + " ORDER BY customer_id FOR UPDATE")) {
      lock.setArray(1, SetStatements.uuids(connection, sorted));
      try (ResultSet rows = lock.executeQuery()) {
        while (rows.next()) {
          CustomerProfile profile = new CustomerProfile();
          profile.customerId = SetStatements.uuid(rows, "customer_id");
          profile.segment = rows.getString("segment");
          profiles.add(profile);
        }
      }
    }
    return profiles;
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

  /** Inserts or replaces the customers' insights, as one batch of statements. */
  private Void store(Connection connection, List<Scored> scored) throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            """
            INSERT INTO customer_insight (customer_id, segment, health_score, churn_risk,
              risk_rank, reasons, actions, metrics, computed_at, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE SET segment = EXCLUDED.segment,
              health_score = EXCLUDED.health_score, churn_risk = EXCLUDED.churn_risk,
              risk_rank = EXCLUDED.risk_rank, reasons = EXCLUDED.reasons,
              actions = EXCLUDED.actions, metrics = EXCLUDED.metrics,
              computed_at = EXCLUDED.computed_at, due_at = EXCLUDED.due_at
            """)) {
      for (Scored each : scored) {
        Insight insight = each.insight();
        upsert.setObject(1, insight.customerId());
        upsert.setString(2, insight.segment());
        upsert.setInt(3, insight.healthScore());
        upsert.setString(4, insight.churnRisk().name());
        upsert.setInt(5, insight.churnRisk().rank());
        upsert.setString(6, writeJson(insight.reasons()));
        upsert.setString(7, writeJson(insight.nextBestActions()));
        upsert.setString(8, writeJson(insight.metrics()));
        SetStatements.setInstant(upsert, 9, insight.computedAt());
        SetStatements.setInstant(upsert, 10, each.dueAt());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    return null;
  }

  private String writeJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("insight cannot be written as JSON", e);
    }
  }
}
