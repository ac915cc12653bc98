package io.outsidein.insight.calibration;

import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.domain.CustomerInsight;
import io.outsidein.insight.service.CustomerIds;
import io.outsidein.insight.service.InsightService;
import io.outsidein.insight.service.SetStatements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Notes every scored customer's churn risk once per outcome window and, when the window has passed,
 * whether they churned: the measurements {@code GET /insights/calibration} counts. Time alone ends
 * a window, so this runs on a schedule with the injectable clock, as outcome windows do.
 */
@ApplicationScoped
public class RiskNotes {
  private static final Logger LOG = Logger.getLogger(RiskNotes.class);
  private static final int CHUNK = 100;

  private final InsightService insights;
  private final CustomerIds ids;
  private final EntityManager entityManager;
  private final InsightConfig config;
  private final Clock clock;
  private final AtomicBoolean paused = new AtomicBoolean();

  RiskNotes(
      InsightService insights,
      CustomerIds ids,
      EntityManager entityManager,
      InsightConfig config,
      Clock clock) {
    this.insights = insights;
    this.ids = ids;
    this.entityManager = entityManager;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      identity = "risk-notes",
      every = "${outsidein.insight.calibration.check-every:PT60S}",
      delayed = "${outsidein.insight.calibration.check-every:PT60S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (!paused.get()) {
      // Closed first, so that a customer whose window just ended is noted again in the same round.
      closeDue();
      noteUnnoted();
    }
  }

  /** Stops the scheduled rounds while a rebuild empties the tables they read. */
  public void pause(boolean pause) {
    paused.set(pause);
  }

  /**
   * Notes every customer who has an insight and no open note, with their risk and segment now, a
   * hundred to a transaction; returns how many were noted.
   */
  public int noteUnnoted() {
    Instant now = clock.instant();
    int noted = 0;
    // The nil id, first in PostgreSQL's order of uuids (which pages here, not Java's).
    UUID after = new UUID(0L, 0L);
    while (true) {
      UUID from = after;
      List<UUID> unnoted =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      entityManager
                          .createQuery(
                              "select i.customerId from CustomerInsight i where i.customerId > :after"
                                  + " and not exists (select 1 from RiskNote n"
                                  + " where n.customerId = i.customerId and n.status = :open)"
                                  + " order by i.customerId",
                              UUID.class)
                          .setParameter("after", from)
                          .setParameter("open", RiskNote.Status.OPEN)
                          .setMaxResults(CHUNK)
                          .getResultList());
      if (unnoted.isEmpty()) {
        return noted;
      }
      try {
        noted += QuarkusTransaction.requiringNew().call(() -> note(unnoted, now));
      } catch (RuntimeException e) {
        LOG.warnf("%d customers not noted, next round will retry: %s", unnoted.size(), e);
        return noted;
      }
      if (unnoted.size() < CHUNK) {
        return noted;
      }
      after = unnoted.get(unnoted.size() - 1);
    }
  }

  /**
   * Notes the customers that are still live, holding them against a merge or an erasure until the
   * note is written (as the consumer does), so that no note is left under a merged or erased id.
   * One noted meanwhile by another instance keeps that note.
   */
  private int note(List<UUID> customers, Instant now) {
    List<UUID> live =
        ids.liveAll(customers).entrySet().stream()
            .filter(e -> e.getKey().equals(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    if (live.isEmpty()) {
      return 0;
    }
    Instant closesAt = now.plus(config.outcome().window());
    return SetStatements.run(
        entityManager,
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO risk_note (id, customer_id, segment, churn_risk, noted_at,"
                      + " closes_at, status)"
                      + " SELECT gen_random_uuid(), i.customer_id, i.segment, i.churn_risk, ?, ?,"
                      + " 'OPEN' FROM customer_insight i WHERE i.customer_id = ANY (?)"
                      + " ON CONFLICT (customer_id) WHERE status = 'OPEN' DO NOTHING")) {
            SetStatements.setInstant(insert, 1, now);
            SetStatements.setInstant(insert, 2, closesAt);
            insert.setArray(3, SetStatements.uuids(connection, live));
            return insert.executeUpdate();
          }
        });
  }

  /** Closes every note whose window has passed by now, a hundred to a transaction. */
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
                              "select n.id from RiskNote n where n.status = :open"
                                  + " and n.closesAt <= :now order by n.closesAt, n.id",
                              UUID.class)
                          .setParameter("open", RiskNote.Status.OPEN)
                          .setParameter("now", now)
                          .setMaxResults(CHUNK)
                          .getResultList());
      if (due.isEmpty()) {
        return closed;
      }
      try {
        QuarkusTransaction.requiringNew().run(() -> close(due, now));
      } catch (RuntimeException e) {
        LOG.warnf("%d risk notes not closed, next round will retry: %s", due.size(), e);
        return closed;
      }
      closed += due.size();
      if (due.size() < CHUNK) {
        return closed;
      }
    }
  }

  /**
   * Churned: a cancellation within the window, or silent at its close by the silent-churn rule
   * (scored again now). A customer without an insight at the close is not within their rhythm, as
   * for an outcome window.
   */
  private void close(List<UUID> noteIds, Instant now) {
    List<RiskNote> notes =
        entityManager
            .createQuery("from RiskNote n where n.id in :ids and n.status = :open", RiskNote.class)
            .setParameter("ids", noteIds)
            .setParameter("open", RiskNote.Status.OPEN)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    Set<UUID> customers = notes.stream().map(n -> n.customerId).collect(Collectors.toSet());
    Map<UUID, CustomerInsight> scored = insights.rescoreNow(customers);
    Set<UUID> cancelled = cancelledWithin(noteIds);
    for (RiskNote note : notes) {
      CustomerInsight insight = scored.get(note.customerId);
      note.status = RiskNote.Status.CLOSED;
      note.closedAt = now;
      note.churned = cancelled.contains(note.id) || insight == null || insights.silent(insight);
    }
  }

  /** Notes whose customer cancelled after the note was taken and up to the window's end. */
  @SuppressWarnings("unchecked")
  private Set<UUID> cancelledWithin(List<UUID> noteIds) {
    return new HashSet<>(
        entityManager
            .createNativeQuery(
                "SELECT n.id FROM risk_note n WHERE n.id IN (:ids) AND EXISTS (SELECT 1"
                    + " FROM touchpoint t WHERE t.customer_id = n.customer_id"
                    + " AND t.type = 'CANCELLATION' AND t.occurred_at > n.noted_at"
                    + " AND t.occurred_at <= n.closes_at)",
                UUID.class)
            .setParameter("ids", noteIds)
            .getResultList());
  }
}
