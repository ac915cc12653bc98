package io.outsidein.interaction.experiments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The arms a customer is in now, computed from the stored experiments and enrolments. */
@ApplicationScoped
public class CustomerArms {
  private final EntityManager entityManager;
  private final Clock clock;

  CustomerArms(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /**
   * The customer's arms in the experiments running now that they take part in (enrolled by now,
   * designed, started, not ended, not stopped), earliest enrolment first: the order in which the
   * goodwill rules look for a latitude. Decided here, when read, so the events may have come in any
   * order.
   */
  public List<CustomerArm> running(UUID customerId) {
    Instant now = clock.instant();
    return entityManager
        .createQuery(
            "SELECT e FROM Enrolment n JOIN Experiment e ON e.id = n.experimentId"
                + " WHERE n.customerId = :customer AND n.enrolledAt <= :now"
                // No start until the design has come: a row made by an early stop never applies.
                + " AND e.startsAt <= :now"
                + " AND (e.endsAt IS NULL OR e.endsAt > :now)"
                + " AND (e.stoppedAt IS NULL OR e.stoppedAt > :now)"
                + " ORDER BY n.enrolledAt, e.id",
            Experiment.class)
        .setParameter("customer", customerId)
        .setParameter("now", now)
        .getResultStream()
        .map(
            experiment -> {
              String arm = experiment.armOf(customerId);
              return new CustomerArm(experiment.id, arm, experiment.latitudesOf(arm));
            })
        .toList();
  }
}
