package io.outsidein.insight.experiments;

import io.outsidein.events.experiment.CustomerEnrolled;
import io.outsidein.experiments.Assignment;
import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.outcomes.OutcomeFollow;
import io.outsidein.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Enrols the customers who match a running experiment's population, on a schedule: when it starts,
 * everyone who matches then; later, whoever comes to match. An enrolled customer stays in their arm
 * until the experiment ends (intention to treat) and is followed through one outcome window from
 * enrolment. Each enrolment is published, so that interaction-service applies a latitude arm to
 * exactly the customers in it: only this service knows risk and reasons.
 */
@ApplicationScoped
public class ExperimentEnrolment {
  private static final Logger LOG = Logger.getLogger(ExperimentEnrolment.class);
  private static final int CHUNK = 500;

  /** The rank of a churn risk, LOW first, for the population's lowest risk. */
  private static final String RISK_RANK = "array_position(ARRAY['LOW', 'MEDIUM', 'HIGH'], %s)";

  static final String CODE = "ENROLLED";

  private final ExperimentService experiments;
  private final EntityManager entityManager;
  private final Outbox outbox;
  private final InsightConfig config;
  private final Clock clock;
  private final AtomicBoolean paused = new AtomicBoolean();

  ExperimentEnrolment(
      ExperimentService experiments,
      EntityManager entityManager,
      Outbox outbox,
      InsightConfig config,
      Clock clock) {
    this.experiments = experiments;
    this.entityManager = entityManager;
    this.outbox = outbox;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      identity = "experiment-enrolment",
      every = "${outsidein.insight.experiment.enrol-every:PT60S}",
      delayed = "${outsidein.insight.experiment.enrol-every:PT60S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (!paused.get()) {
      enrolDue();
    }
  }

  /** Stops enrolling while a rebuild refills the insights a population is matched against. */
  public void pause(boolean pause) {
    paused.set(pause);
  }

  /** Enrols every customer who matches a running experiment and is not in it yet. */
  public int enrolDue() {
    Instant now = clock.instant();
    int enrolled = 0;
    for (Experiment experiment :
        QuarkusTransaction.requiringNew().call(() -> experiments.running(now))) {
      List<Assignment.Arm> arms =
          experiments.arms(experiment).stream()
              .map(arm -> new Assignment.Arm(arm.name(), arm.weight()))
              .toList();
      try {
        int chunk;
        do {
          chunk = QuarkusTransaction.requiringNew().call(() -> enrol(experiment, arms, now));
          enrolled += chunk;
        } while (chunk == CHUNK);
      } catch (RuntimeException e) {
        LOG.warnf("enrolment in experiment %s stopped, next round retries: %s", experiment.id, e);
      }
    }
    return enrolled;
  }

  @SuppressWarnings("unchecked")
  private int enrol(Experiment experiment, List<Assignment.Arm> arms, Instant now) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT i.customer_id, i.segment, i.churn_risk, i.health_score FROM customer_insight i"
                + " WHERE NOT EXISTS (SELECT 1 FROM outcome_follow f WHERE f.kind = 'ENROLLED'"
                + " AND f.action_id = :experiment AND f.customer_id = i.customer_id)");
    if (experiment.segment != null) {
      sql.append(" AND i.segment = :segment");
    }
    if (experiment.minRisk != null) {
      sql.append(" AND ")
          .append(RISK_RANK.formatted("i.churn_risk"))
          .append(" >= ")
          .append(RISK_RANK.formatted(":minRisk"));
    }
    if (experiment.reasonCode != null) {
      sql.append(" AND i.reasons::jsonb @> jsonb_build_array(jsonb_build_object('code', :reason))");
    }
    sql.append(" ORDER BY i.customer_id LIMIT :chunk");
    Query query =
        entityManager
            .createNativeQuery(sql.toString())
            .setParameter("experiment", experiment.id)
            .setParameter("chunk", CHUNK);
    if (experiment.segment != null) {
      query.setParameter("segment", experiment.segment);
    }
    if (experiment.minRisk != null) {
      query.setParameter("minRisk", experiment.minRisk);
    }
    if (experiment.reasonCode != null) {
      query.setParameter("reason", experiment.reasonCode);
    }
    List<Object[]> matching = query.getResultList();
    Instant closesAt = now.plus(config.outcome().window());
    for (Object[] row : matching) {
      UUID customer = (UUID) row[0];
      String arm = Assignment.armOf(experiment.id, customer, arms).name();
      OutcomeFollow f = new OutcomeFollow();
      f.id = enrolmentId(experiment.id, customer);
      f.actionId = experiment.id;
      f.kind = OutcomeFollow.Kind.ENROLLED;
      f.customerId = customer;
      f.code = CODE;
      f.arm = arm;
      f.segment = (String) row[1];
      f.churnRisk = (String) row[2];
      f.healthBefore = ((Number) row[3]).intValue();
      f.openedAt = now;
      f.closesAt = closesAt;
      f.status = OutcomeFollow.Status.FOLLOWING;
      f.persist();
      outbox.record(new CustomerEnrolled(experiment.id, customer, arm, now));
    }
    return matching.size();
  }

  /** The id of a customer's enrolment in an experiment: the same on every round and replay. */
  static UUID enrolmentId(UUID experimentId, UUID customerId) {
    return UUID.nameUUIDFromBytes(
        ("experiment/" + experimentId + "/" + customerId).getBytes(StandardCharsets.US_ASCII));
  }
}
