package io.outsidein.interaction.experiments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A customer takes part in an experiment from {@code enrolledAt}, as insight-service enrolled. */
@Entity
@Table(name = "experiment_enrolment")
@IdClass(Enrolment.Key.class)
public class Enrolment extends PanacheEntityBase {
  /** An enrolment is one customer in one experiment (JPA's id class: fields named as the ids). */
  public static class Key implements Serializable {
    UUID experimentId;
    UUID customerId;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(experimentId, key.experimentId)
          && Objects.equals(customerId, key.customerId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(experimentId, customerId);
    }
  }

  @Id
  @Column(name = "experiment_id")
  public UUID experimentId;

  @Id
  @Column(name = "customer_id")
  public UUID customerId;

  @Column(name = "enrolled_at", nullable = false)
  public Instant enrolledAt;

  /** The arm insight-service named: only compared with the computed arm, never followed. */
  @Column(name = "announced_arm", nullable = false)
  public String announcedArm;
}
