package io.outsidein.insight.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The latest scoring of a customer, stored so that lists can rank and page by it. */
@Entity
@Table(name = "customer_insight")
public class CustomerInsight extends PanacheEntityBase {
  @Id
  @Column(name = "customer_id")
  public UUID customerId;

  @Column(nullable = false)
  public String segment;

  @Column(name = "health_score", nullable = false)
  public int healthScore;

  @Column(name = "churn_risk", nullable = false)
  public String churnRisk;

  @Column(name = "risk_rank", nullable = false)
  public int riskRank;

  /** JSON list of reasons. */
  @Column(nullable = false)
  public String reasons;

  /** JSON list of next best actions. */
  @Column(nullable = false)
  public String actions;

  /** JSON metrics. */
  @Column(nullable = false)
  public String metrics;

  @Column(name = "computed_at", nullable = false)
  public Instant computedAt;

  /** When time alone could next change this insight; the re-evaluation re-scores it then. */
  @Column(name = "due_at")
  public Instant dueAt;
}
