package io.outsidein.insight.experiments;

import io.outsidein.insight.experiments.ExperimentRequests.Arm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The running experiments a customer takes part in, with their arm. */
@ApplicationScoped
public class CustomerExperiments {
  /** One experiment the customer is in: the experiment, all its arms, theirs, and since when. */
  public record Participation(Experiment experiment, List<Arm> arms, Arm arm, Instant enrolledAt) {}

  private final EntityManager entityManager;
  private final ExperimentService experiments;
  private final Clock clock;

  CustomerExperiments(EntityManager entityManager, ExperimentService experiments, Clock clock) {
    this.entityManager = entityManager;
    this.experiments = experiments;
    this.clock = clock;
  }

  /** Earliest enrolment first: with two experiments testing one action, the first decides. */
  public List<Participation> of(UUID customerId) {
    Instant now = clock.instant();
    List<Object[]> rows =
        entityManager
            .createQuery(
                "select e, f.arm, f.openedAt from OutcomeFollow f, Experiment e"
                    + " where f.kind = :enrolled and f.customerId = :customer and e.id = f.actionId"
                    + " and e.stoppedAt is null and e.startsAt <= :now"
                    + " and (e.endsAt is null or e.endsAt > :now) order by f.openedAt, e.id",
                Object[].class)
            .setParameter("enrolled", io.outsidein.insight.outcomes.OutcomeFollow.Kind.ENROLLED)
            .setParameter("customer", customerId)
            .setParameter("now", now)
            .getResultList();
    List<Participation> in = new ArrayList<>();
    for (Object[] row : rows) {
      Experiment experiment = (Experiment) row[0];
      List<Arm> arms = experiments.arms(experiment);
      String name = (String) row[1];
      arms.stream()
          .filter(arm -> arm.name().equals(name))
          .findFirst()
          .ifPresent(arm -> in.add(new Participation(experiment, arms, arm, (Instant) row[2])));
    }
    return in;
  }

  /** The action codes recorded for the customer since {@code since}. */
  public List<String> actedSince(UUID customerId, Instant since) {
    return entityManager
        .createQuery(
            "select distinct f.code from OutcomeFollow f where f.kind = :acted"
                + " and f.customerId = :customer and f.openedAt > :since",
            String.class)
        .setParameter("acted", io.outsidein.insight.outcomes.OutcomeFollow.Kind.ACTED)
        .setParameter("customer", customerId)
        .setParameter("since", since)
        .getResultList();
  }
}
