package io.outsidein.insight.calibration;

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
 * A customer's churn risk as insight gave it at one moment, and, once the outcome window has
 * passed, whether the customer then churned: what the score predicted against what followed.
 */
@Entity
@Table(name = "risk_note")
public class RiskNote extends PanacheEntityBase {
  /** OPEN until the window has passed; CLOSED once it is measured. */
  public enum Status {
    OPEN,
    CLOSED
  }

  @Id public UUID id;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  public String segment;

  @Column(name = "churn_risk")
  public String churnRisk;

  @Column(name = "noted_at")
  public Instant notedAt;

  @Column(name = "closes_at")
  public Instant closesAt;

  @Enumerated(EnumType.STRING)
  public Status status;

  /** Cancelled within the window, or silent at its close; null while open. */
  public Boolean churned;

  @Column(name = "closed_at")
  public Instant closedAt;
}
