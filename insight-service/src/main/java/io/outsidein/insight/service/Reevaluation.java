package io.outsidein.insight.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.outsidein.insight.scoring.ChurnRisk;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Re-scores every customer on a schedule: silence grows with time alone, without any new event.
 * Customers are re-scored a hundred to a short transaction, so the consumer is never held up long
 * and a large population needs few round trips; a chunk that fails is retried one by one.
 */
@ApplicationScoped
public class Reevaluation {
  private static final Logger LOG = Logger.getLogger(Reevaluation.class);
  private static final int CHUNK = 100;

  private final InsightService insights;
  private final EntityManager entityManager;
  private final Timer duration;
  private final Map<ChurnRisk, AtomicLong> perRisk = new EnumMap<>(ChurnRisk.class);
  private final AtomicBoolean paused = new AtomicBoolean();
  private final Clock clock;

  Reevaluation(
      InsightService insights, EntityManager entityManager, MeterRegistry meters, Clock clock) {
    this.insights = insights;
    this.entityManager = entityManager;
    this.clock = clock;
    this.duration =
        Timer.builder("insight.reevaluation")
            .description("time to re-score every customer")
            .register(meters);
    for (ChurnRisk risk : ChurnRisk.values()) {
      AtomicLong count = new AtomicLong();
      perRisk.put(risk, count);
      Gauge.builder("insight.customers", count, AtomicLong::get)
          .description("customers per churn risk, as of the latest re-evaluation")
          .tag("risk", risk.name())
          .register(meters);
    }
  }

  @Scheduled(
      identity = "insight-reevaluation",
      every = "${outsidein.insight.reevaluate-every:PT60S}",
      delayed = "${outsidein.insight.reevaluate-every:PT60S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (paused.get()) {
      return;
    }
    reevaluateDue();
  }

  /** Re-scores every customer now; returns how many. */
  public int reevaluateAll() {
    return reevaluate("select p.customerId from CustomerProfile p");
  }

  /**
   * Re-scores the customers whose insight time alone may have changed (and any not scored yet);
   * returns how many. Re-scoring everyone each round would compete with the consumer for the
   * database, the more so the more customers there are.
   */
  public int reevaluateDue() {
    return reevaluate(
        "select p.customerId from CustomerProfile p where not exists (select 1 from"
            + " CustomerInsight i where i.customerId = p.customerId and i.dueAt > :now)");
  }

  private int reevaluate(String query) {
    return duration.record(
        () -> {
          List<UUID> ids =
              QuarkusTransaction.requiringNew()
                  .call(
                      () -> {
                        var select = entityManager.createQuery(query, UUID.class);
                        if (query.contains(":now")) {
                          select.setParameter("now", clock.instant());
                        }
                        return select.getResultList();
                      });
          int done = 0;
          for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try {
              QuarkusTransaction.requiringNew().run(() -> insights.recomputeAll(chunk));
              done += chunk.size();
            } catch (RuntimeException chunkFailure) {
              done += oneByOne(chunk);
            }
          }
          refreshGauges();
          return done;
        });
  }

  private int oneByOne(List<UUID> ids) {
    int done = 0;
    for (UUID id : ids) {
      try {
        QuarkusTransaction.requiringNew().run(() -> insights.recompute(id));
        done++;
      } catch (RuntimeException e) {
        LOG.warnf("customer %s not re-scored, next round will retry: %s", id, e.getMessage());
      }
    }
    return done;
  }

  /** Stops the scheduled runs while a rebuild empties the tables. */
  public void pause(boolean pause) {
    paused.set(pause);
  }

  void refreshGauges() {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createQuery(
                            "select i.churnRisk, count(i) from CustomerInsight i group by i.churnRisk",
                            Object[].class)
                        .getResultList());
    perRisk.values().forEach(c -> c.set(0));
    for (Object[] row : rows) {
      perRisk.get(ChurnRisk.valueOf((String) row[0])).set(((Number) row[1]).longValue());
    }
  }
}
