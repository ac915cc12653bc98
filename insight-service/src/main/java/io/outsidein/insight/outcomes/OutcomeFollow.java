package io.outsidein.insight.outcomes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One customer followed through an outcome window: the customer an action was taken on, a
 * comparison customer of the same segment and risk on whom nobody acted, or a customer enrolled in
 * an experiment (then {@code actionId} is the experiment's id and {@code arm} their arm).
 */
@Entity
@Table(name = "outcome_follow")
public class OutcomeFollow extends PanacheEntityBase {
  /**
   * Whether the customer was acted on, is compared with one who was, or takes part in an
   * experiment.
   */
  public enum Kind {
    ACTED,
    COMPARISON,
    ENROLLED
  }

  /** FOLLOWING until the window ends; EXCLUDED is a comparison customer someone acted on. */
  public enum Status {
    FOLLOWING,
    CLOSED,
    EXCLUDED
  }

  @Id public UUID id;

  @Column(name = "action_id", nullable = false)
  public UUID actionId;

  @Enumerated(EnumType.STRING)
  public Kind kind;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  public String code;

  /** The experiment arm of an ENROLLED customer. */
  public String arm;

  public String segment;

  @Column(name = "churn_risk")
  public String churnRisk;

  @Column(name = "health_before")
  public Integer healthBefore;

  @Column(name = "opened_at")
  public Instant openedAt;

  @Column(name = "closes_at")
  public Instant closesAt;

  @Enumerated(EnumType.STRING)
  public Status status;

  @Column(name = "closed_at")
  public Instant closedAt;

  public Boolean retained;

  @Column(name = "health_after")
  public Integer healthAfter;

  @Column(name = "rating_scale")
  public String ratingScale;

  @Column(name = "rating_score")
  public Integer ratingScore;

  @Column(name = "new_complaint")
  public Boolean newComplaint;
}
