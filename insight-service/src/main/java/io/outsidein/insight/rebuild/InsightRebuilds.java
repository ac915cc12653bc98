package io.outsidein.insight.rebuild;

import io.outsidein.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Rebuild jobs: starts one in the background, keeps its progress and outcome in {@code
 * insight_rebuild}, and refuses a second while one runs on any instance.
 */
@ApplicationScoped
public class InsightRebuilds {
  private static final Logger LOG = Logger.getLogger(InsightRebuilds.class);
  private static final String COLUMNS =
      "id, status, started_at, finished_at, read_events, applied, already_applied, skipped,"
          + " customers, failure";

  private final RebuildService rebuild;
  private final EntityManager entityManager;
  private final Clock clock;
  private final RebuildSettings settings;
  // One worker: the database already refuses a second running job; this keeps the thread count at
  // one even if that check is ever bypassed.
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "insight-rebuild");
            thread.setDaemon(true);
            return thread;
          });

  InsightRebuilds(
      RebuildService rebuild, EntityManager entityManager, Clock clock, RebuildSettings settings) {
    this.rebuild = rebuild;
    this.entityManager = entityManager;
    this.clock = clock;
    this.settings = settings;
  }

  /** Records a running job and starts it; 409 naming the running one if there is one. */
  public InsightRebuild start() {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    Optional<UUID> running;
    try {
      running =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    abandonSilentJobs(now);
                    Optional<UUID> other = runningId();
                    if (other.isEmpty()) {
                      entityManager
                          .createNativeQuery(
                              "INSERT INTO insight_rebuild (id, status, started_at, heartbeat_at)"
                                  + " VALUES (?1, 'RUNNING', ?2, ?2)")
                          .setParameter(1, id)
                          .setParameter(2, Timestamp.from(now))
                          .executeUpdate();
                    }
                    return other;
                  });
    } catch (RuntimeException raced) {
      // Another instance recorded its job between our read and our insert: the unique index on
      // the running job refused ours.
      running = QuarkusTransaction.requiringNew().call(this::runningId);
      if (running.isEmpty()) {
        throw raced;
      }
    }
    running.ifPresent(
        other -> {
          throw ProblemException.conflict(
              "a rebuild is already running", Map.of("runningId", other));
        });
    worker.execute(() -> run(id));
    return find(id).orElseThrow();
  }

  public Optional<InsightRebuild> find(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<?> rows =
                  entityManager
                      .createNativeQuery(
                          "SELECT " + COLUMNS + " FROM insight_rebuild WHERE id = ?1")
                      .setParameter(1, id)
                      .getResultList();
              return rows.stream().findFirst().map(row -> toRebuild((Object[]) row));
            });
  }

  private void run(UUID id) {
    Instant[] lastHeartbeat = {clock.instant()};
    try {
      RebuildService.Result result =
          rebuild.rebuild(
              progress -> {
                Instant now = clock.instant();
                if (!now.isBefore(lastHeartbeat[0].plus(settings.heartbeatEvery()))) {
                  lastHeartbeat[0] = now;
                  record(id, progress, now);
                }
              });
      finish(
          id,
          "COMPLETED",
          new RebuildService.Progress(
              result.read(), result.applied(), result.alreadyApplied(), result.skipped()),
          result.customers(),
          null);
    } catch (RuntimeException failure) {
      LOG.errorf(failure, "rebuild %s failed", id);
      finish(id, "FAILED", null, null, failureText(id));
    }
  }

  private void record(UUID id, RebuildService.Progress progress, Instant now) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "UPDATE insight_rebuild SET heartbeat_at = ?2, read_events = ?3,"
                            + " applied = ?4, already_applied = ?5, skipped = ?6"
                            + " WHERE id = ?1 AND status = 'RUNNING'")
                    .setParameter(1, id)
                    .setParameter(2, Timestamp.from(now))
                    .setParameter(3, progress.read())
                    .setParameter(4, progress.applied())
                    .setParameter(5, progress.alreadyApplied())
                    .setParameter(6, progress.skipped())
                    .executeUpdate());
  }

  private void finish(
      UUID id, String status, RebuildService.Progress progress, Long customers, String failure) {
    Instant now = clock.instant();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (progress != null) {
                record(id, progress, now);
              }
              entityManager
                  .createNativeQuery(
                      "UPDATE insight_rebuild SET status = ?2, finished_at = ?3, heartbeat_at = ?3,"
                          + " customers = ?4, failure = ?5 WHERE id = ?1")
                  .setParameter(1, id)
                  .setParameter(2, status)
                  .setParameter(3, Timestamp.from(now))
                  .setParameter(4, customers)
                  .setParameter(5, failure)
                  .executeUpdate();
            });
  }

  private void abandonSilentJobs(Instant now) {
    entityManager
        .createNativeQuery(
            "UPDATE insight_rebuild SET status = 'FAILED', finished_at = ?1,"
                + " failure = 'abandoned: the instance running it stopped'"
                + " WHERE status = 'RUNNING' AND heartbeat_at < ?2")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, Timestamp.from(now.minus(settings.abandonedAfter())))
        .executeUpdate();
  }

  private Optional<UUID> runningId() {
    List<?> ids =
        entityManager
            .createNativeQuery("SELECT id FROM insight_rebuild WHERE status = 'RUNNING'")
            .getResultList();
    return ids.stream().findFirst().map(UUID.class::cast);
  }

  /** The failure as the caller may read it: no message, which may carry SQL or internal hosts. */
  private static String failureText(UUID id) {
    return "the replay stopped; insight-service's log holds the cause under rebuild " + id;
  }

  private static InsightRebuild toRebuild(Object[] row) {
    return new InsightRebuild(
        (UUID) row[0],
        InsightRebuild.Status.valueOf((String) row[1]),
        instant(row[2]),
        instant(row[3]),
        new RebuildService.Progress(number(row[4]), number(row[5]), number(row[6]), number(row[7])),
        row[8] == null ? null : number(row[8]),
        (String) row[9]);
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
