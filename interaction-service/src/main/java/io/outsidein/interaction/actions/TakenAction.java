package io.outsidein.interaction.actions;

import io.outsidein.events.interaction.ActionCode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something someone did for a customer, recorded so that its outcome can be followed. */
@Entity
@Table(name = "action_taken")
public class TakenAction extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Enumerated(EnumType.STRING)
  public ActionCode code;

  @Column(name = "case_id")
  public UUID caseId;

  /** The approved gesture this action is; null for actions recorded through the API. */
  @Column(name = "gesture_id")
  public UUID gestureId;

  public String note;

  @Column(name = "taken_at")
  public Instant takenAt;

  @Column(name = "taken_by")
  public String takenBy;
}
