package io.outsidein.interaction.experiments;

import io.outsidein.events.experiment.CustomerEnrolled;
import io.outsidein.events.experiment.ExperimentDesigned;
import io.outsidein.events.experiment.ExperimentStopped;
import io.outsidein.interaction.domain.KnownCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the experiments and their enrolments from insight-service's events. The events of one
 * experiment and its enrolments come on different keys, so in any order: each is stored as it comes
 * and whether an arm applies is decided when read ({@link CustomerArms}). Runs inside the inbox's
 * transaction, which also records the event id: a redelivered event changes nothing.
 */
@ApplicationScoped
public class Experiments {
  private static final Logger LOG = Logger.getLogger(Experiments.class);

  /** Stores the arms and dates; a stop that came first stays. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void designed(ExperimentDesigned event) {
    Experiment experiment = findOrCreate(event.experimentId());
    experiment.design(event.arms(), event.startsAt(), event.endsAt());
    List<Enrolment> enrolled = Enrolment.list("experimentId", event.experimentId());
    enrolled.forEach(enrolment -> checkArm(experiment, enrolment));
  }

  /** Stores when it stopped, even before its design; the earliest stop counts. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void stopped(ExperimentStopped event) {
    Experiment experiment = findOrCreate(event.experimentId());
    if (experiment.stoppedAt == null || event.stoppedAt().isBefore(experiment.stoppedAt)) {
      experiment.stoppedAt = event.stoppedAt();
    }
  }

  /**
   * Stores who takes part and since when. A customer already merged into another or erased is not
   * enrolled: the survivor's own arms are what the policy follows, and an erased customer keeps
   * nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void enrolled(CustomerEnrolled event) {
    KnownCustomer customer = KnownCustomer.findById(event.customerId());
    if (customer != null && customer.status != KnownCustomer.Status.ACTIVE) {
      LOG.debugf(
          "not enrolling %s customer %s in experiment %s",
          customer.status, event.customerId(), event.experimentId());
      return;
    }
    Enrolment.Key key = new Enrolment.Key();
    key.experimentId = event.experimentId();
    key.customerId = event.customerId();
    if (Enrolment.findById(key) != null) {
      return;
    }
    Enrolment enrolment = new Enrolment();
    enrolment.experimentId = event.experimentId();
    enrolment.customerId = event.customerId();
    enrolment.enrolledAt = event.enrolledAt();
    enrolment.announcedArm = event.arm();
    enrolment.persist();
    Experiment experiment = Experiment.findById(event.experimentId());
    if (experiment != null && experiment.designed()) {
      checkArm(experiment, enrolment);
    }
  }

  /** The arm computed here decides; a different announced arm means the two services disagree. */
  private static void checkArm(Experiment experiment, Enrolment enrolment) {
    String computed = experiment.armOf(enrolment.customerId);
    if (!computed.equals(enrolment.announcedArm)) {
      LOG.warnf(
          "experiment %s: customer %s was announced in arm %s but is in arm %s by the shared"
              + " assignment; following %s",
          experiment.id, enrolment.customerId, enrolment.announcedArm, computed, computed);
    }
  }

  private static Experiment findOrCreate(UUID id) {
    Experiment experiment = Experiment.findById(id);
    if (experiment == null) {
      experiment = Experiment.of(id);
      experiment.persist();
    }
    return experiment;
  }
}
