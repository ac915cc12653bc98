package io.outsidein.insight.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outsidein.events.TimeOrderedIds;
import io.outsidein.events.experiment.ExperimentArm;
import io.outsidein.events.experiment.ExperimentDesigned;
import io.outsidein.events.experiment.ExperimentStopped;
import io.outsidein.insight.experiments.ExperimentRequests.Arm;
import io.outsidein.insight.experiments.ExperimentRequests.NewExperiment;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.kit.problem.QueryParams;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Designs, lists and stops experiments. */
@ApplicationScoped
public class ExperimentService {
  private static final TypeReference<List<Arm>> ARMS = new TypeReference<>() {};

  private final EntityManager entityManager;
  private final ObjectMapper json;
  private final Clock clock;
  private final Outbox outbox;

  ExperimentService(EntityManager entityManager, ObjectMapper json, Clock clock, Outbox outbox) {
    this.entityManager = entityManager;
    this.json = json;
    this.clock = clock;
    this.outbox = outbox;
  }

  /**
   * Records an experiment; arm names must differ, a treatment is an action or a latitude (not
   * both), and an end must come after the start. It runs from {@code startsAt}.
   */
  @Transactional
  public Experiment create(NewExperiment request, String actor) {
    List<Arm> arms = request.arms().stream().map(ExperimentRequests::normalised).toList();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < arms.size(); i++) {
      Arm arm = arms.get(i);
      if (!names.add(arm.name())) {
        throw QueryParams.invalid("arms[" + i + "].name", "two arms are named " + arm.name());
      }
      if (arm.treatment() != null
          && arm.treatment().action() != null
          && arm.treatment().latitude() != null) {
        throw QueryParams.invalid(
            "arms[" + i + "].treatment", "is an action or a latitude, not both");
      }
    }
    if (request.endsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
      throw QueryParams.invalid("endsAt", "must be after startsAt");
    }
    Experiment e = new Experiment();
    e.id = TimeOrderedIds.next();
    e.name = request.name().strip();
    e.hypothesis = request.hypothesis();
    if (request.population() != null) {
      e.segment = request.population().segment();
      e.minRisk =
          request.population().minRisk() == null ? null : request.population().minRisk().name();
      e.reasonCode = request.population().reasonCode();
    }
    e.arms = write(arms);
    e.outcome = request.outcome().name();
    e.startsAt = request.startsAt();
    e.endsAt = request.endsAt();
    e.createdAt = clock.instant();
    e.createdBy = actor;
    e.persist();
    // Every service that applies an arm learns the arms here; name and hypothesis stay here.
    outbox.record(
        new ExperimentDesigned(
            e.id, arms.stream().map(ExperimentService::event).toList(), e.startsAt, e.endsAt));
    return e;
  }

  /** Experiments, newest first; {@code after} is the last id of the previous page. */
  public List<Experiment> list(int limit, UUID after) {
    TypedQuery<Experiment> query =
        entityManager.createQuery(
            after == null
                ? "from Experiment e order by e.id desc"
                : "from Experiment e where e.id < :after order by e.id desc",
            Experiment.class);
    if (after != null) {
      query.setParameter("after", after);
    }
    return query.setMaxResults(limit + 1).getResultList();
  }

  public Optional<Experiment> find(UUID id) {
    return Experiment.findByIdOptional(id);
  }

  /** Stops a scheduled or running experiment; an ended or stopped one cannot be stopped: 409. */
  @Transactional
  public Experiment stop(UUID id, String actor) {
    Experiment e = entityManager.find(Experiment.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (e == null) {
      throw ProblemException.notFound("experiment", id);
    }
    Experiment.Status status = e.status(clock.instant());
    if (status == Experiment.Status.STOPPED || status == Experiment.Status.ENDED) {
      throw ProblemException.conflict(
          "experiment " + id + " is already " + status, Map.of("experimentStatus", status));
    }
    e.stoppedAt = clock.instant();
    e.stoppedBy = actor;
    outbox.record(new ExperimentStopped(e.id, e.stoppedAt));
    return e;
  }

  /** The experiment's arms as designed. */
  public List<Arm> arms(Experiment e) {
    try {
      return json.readValue(e.arms, ARMS);
    } catch (JsonProcessingException corrupt) {
      throw new IllegalStateException("experiment " + e.id + " has unreadable arms", corrupt);
    }
  }

  private static ExperimentArm event(Arm arm) {
    return new ExperimentArm(
        arm.name(),
        arm.weight(),
        arm.treatment() == null ? null : arm.treatment().action(),
        arm.treatment() == null ? null : arm.treatment().latitude());
  }

  /** The running experiments at {@code now}: started, not ended, not stopped. */
  public List<Experiment> running(java.time.Instant now) {
    return entityManager
        .createQuery(
            "from Experiment e where e.stoppedAt is null and e.startsAt <= :now"
                + " and (e.endsAt is null or e.endsAt > :now) order by e.id",
            Experiment.class)
        .setParameter("now", now)
        .getResultList();
  }

  private String write(List<Arm> arms) {
    try {
      return json.writeValueAsString(arms);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
