package io.outsidein.insight.outcomes;

import io.outsidein.insight.domain.CustomerInsight;
import io.outsidein.insight.service.InsightService;
import io.outsidein.insight.service.SetStatements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Closes the outcome windows that time has ended, on a schedule: no event says that a customer
 * stayed away, so time alone closes a window, as it raises silent churn. Each outcome is measured
 * at the close from the read model: the touches within the window, and the customer scored again.
 */
@ApplicationScoped
public class OutcomeWindows {
  private static final Logger LOG = Logger.getLogger(OutcomeWindows.class);
  private static final int CHUNK = 100;

  /** Touches the customer makes of their own accord (not a complaint, return or cancellation). */
  private static final String CAME_BACK = "('VISIT', 'INQUIRY', 'PURCHASE', 'FEEDBACK')";

  private final InsightService insights;
  private final EntityManager entityManager;
  private final Clock clock;
  private final AtomicBoolean paused = new AtomicBoolean();

  OutcomeWindows(InsightService insights, EntityManager entityManager, Clock clock) {
    this.insights = insights;
    this.entityManager = entityManager;
    this.clock = clock;
  }

  @Scheduled(
      identity = "outcome-windows",
      every = "${outsidein.insight.outcome.check-every:PT60S}",
      delayed = "${outsidein.insight.outcome.check-every:PT60S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (!paused.get()) {
      closeDue();
    }
  }

  /** Stops the scheduled closes while a rebuild empties the tables they measure from. */
  public void pause(boolean pause) {
    paused.set(pause);
  }

  /** Closes every window that has ended by now, a hundred to a transaction; returns how many. */
  public int closeDue() {
    Instant now = clock.instant();
    int closed = 0;
    while (true) {
      List<UUID> due =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      entityManager
                          .createQuery(
                              "select f.id from OutcomeFollow f where f.status = :following"
                                  + " and f.closesAt <= :now order by f.closesAt, f.id",
                              UUID.class)
                          .setParameter("following", OutcomeFollow.Status.FOLLOWING)
                          .setParameter("now", now)
                          .setMaxResults(CHUNK)
                          .getResultList());
      if (due.isEmpty()) {
        return closed;
      }
      try {
        QuarkusTransaction.requiringNew().run(() -> close(due, now));
      } catch (RuntimeException e) {
        LOG.warnf("%d outcome windows not closed, next round will retry: %s", due.size(), e);
        return closed;
      }
      closed += due.size();
      if (due.size() < CHUNK) {
        return closed;
      }
    }
  }

  private void close(List<UUID> ids, Instant now) {
    List<OutcomeFollow> follows =
        entityManager
            .createQuery(
                "from OutcomeFollow f where f.id in :ids and f.status = :following",
                OutcomeFollow.class)
            .setParameter("ids", ids)
            .setParameter("following", OutcomeFollow.Status.FOLLOWING)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    Set<UUID> customers = follows.stream().map(f -> f.customerId).collect(Collectors.toSet());
    Map<UUID, CustomerInsight> scored = insights.rescoreNow(customers);
    Map<UUID, Behaviour> behaviour = behaviourWithin(ids);
    Set<UUID> actedOn = comparisonsActedOn(ids);
    for (OutcomeFollow f : follows) {
      f.closedAt = now;
      if (actedOn.contains(f.id)) {
        f.status = OutcomeFollow.Status.EXCLUDED;
        continue;
      }
      f.status = OutcomeFollow.Status.CLOSED;
      Behaviour within = behaviour.getOrDefault(f.id, Behaviour.NONE);
      CustomerInsight insight = scored.get(f.customerId);
      boolean inRhythm = insight != null && !insights.silent(insight);
      f.retained = !within.cancelled() && (within.cameBack() || inRhythm);
      f.healthAfter = insight == null ? null : insight.healthScore;
      f.ratingScale = within.ratingScale();
      f.ratingScore = within.ratingScore();
      f.newComplaint = within.complained();
    }
  }

  /** What the customer did within a window. */
  record Behaviour(
      boolean cameBack,
      boolean cancelled,
      boolean complained,
      String ratingScale,
      Integer ratingScore) {
    static final Behaviour NONE = new Behaviour(false, false, false, null, null);
  }

  /** The touches of each follow's customer after the action and up to the window's end. */
  private Map<UUID, Behaviour> behaviourWithin(List<UUID> ids) {
    return SetStatements.run(
        entityManager,
        connection -> {
          Map<UUID, Behaviour> result = new HashMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT f.id,"
                      + " coalesce(bool_or(t.type IN "
                      + CAME_BACK
                      + "), false) AS came_back,"
                      + " coalesce(bool_or(t.type = 'CANCELLATION'), false) AS cancelled,"
                      + " coalesce(bool_or(t.type = 'COMPLAINT'), false) AS complained,"
                      + " (array_agg(t.rating_scale ORDER BY t.occurred_at DESC)"
                      + "   FILTER (WHERE t.rating_scale IS NOT NULL))[1] AS rating_scale,"
                      + " (array_agg(t.rating_score ORDER BY t.occurred_at DESC)"
                      + "   FILTER (WHERE t.rating_scale IS NOT NULL))[1] AS rating_score"
                      + " FROM outcome_follow f LEFT JOIN touchpoint t"
                      + " ON t.customer_id = f.customer_id AND t.occurred_at > f.opened_at"
                      + " AND t.occurred_at <= f.closes_at"
                      + " WHERE f.id = ANY (?) GROUP BY f.id")) {
            select.setArray(1, SetStatements.uuids(connection, ids));
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                int score = rows.getInt("rating_score");
                Integer rating = rows.wasNull() ? null : score;
                result.put(
                    SetStatements.uuid(rows, "id"),
                    new Behaviour(
                        rows.getBoolean("came_back"),
                        rows.getBoolean("cancelled"),
                        rows.getBoolean("complained"),
                        rows.getString("rating_scale"),
                        rating));
              }
            }
          }
          return result;
        });
  }

  /** Comparison follows whose customer someone acted on within the window: no longer untouched. */
  @SuppressWarnings("unchecked")
  private Set<UUID> comparisonsActedOn(List<UUID> ids) {
    return new HashSet<>(
        entityManager
            .createNativeQuery(
                "SELECT c.id FROM outcome_follow c WHERE c.id IN (:ids) AND c.kind = 'COMPARISON'"
                    + " AND EXISTS (SELECT 1 FROM outcome_follow a WHERE a.kind = 'ACTED'"
                    + " AND a.customer_id = c.customer_id AND a.opened_at > c.opened_at"
                    + " AND a.opened_at <= c.closes_at)",
                UUID.class)
            .setParameter("ids", ids)
            .getResultList());
  }
}
