package io.outsidein.insight.experiments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An experiment as designed: who takes part, its arms, the outcome it measures, when it runs. */
@Entity
@Table(name = "experiment")
public class Experiment extends PanacheEntityBase {
  @Id public UUID id;

  public String name;

  public String hypothesis;

  public String segment;

  @Column(name = "min_risk")
  public String minRisk;

  @Column(name = "reason_code")
  public String reasonCode;

  /** The arms as JSON ({@link ExperimentRequests.Arm}s). */
  public String arms;

  public String outcome;

  @Column(name = "starts_at")
  public Instant startsAt;

  @Column(name = "ends_at")
  public Instant endsAt;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "stopped_at")
  public Instant stoppedAt;

  @Column(name = "stopped_by")
  public String stoppedBy;

  /** Where the experiment stands at {@code now}. */
  public enum Status {
    SCHEDULED,
    RUNNING,
    ENDED,
    STOPPED
  }

  public Status status(Instant now) {
    if (stoppedAt != null) {
      return Status.STOPPED;
    }
    if (now.isBefore(startsAt)) {
      return Status.SCHEDULED;
    }
    return endsAt != null && !now.isBefore(endsAt) ? Status.ENDED : Status.RUNNING;
  }
}
