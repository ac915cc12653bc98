package io.outsidein.interaction.domain;

import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Money;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A goodwill gesture on a case: approved at once within the latitude, else by a supervisor. */
@Entity
@Table(name = "gesture")
public class Gesture extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "amount_value")
  public BigDecimal amountValue;

  @Column(name = "amount_currency")
  public String amountCurrency;

  public String reason;

  @Enumerated(EnumType.STRING)
  public GestureStatus status;

  /**
   * The latitude that applied when it was granted; null when the policy did not name the currency.
   */
  public BigDecimal latitude;

  /** What the policy decided at once; status moves on when a supervisor decides, this does not. */
  @Enumerated(EnumType.STRING)
  @Column(name = "decision_outcome")
  public GestureStatus decisionOutcome;

  /** The rule that decided (GoodwillDecision.Rule), with its explanation. */
  @Column(name = "decision_rule")
  public String decisionRule;

  @Column(name = "decision_detail")
  public String decisionDetail;

  /** The policy version that decided; null for gestures granted before the policy was data. */
  @Column(name = "policy_version")
  public Integer policyVersion;

  @Column(name = "granted_at")
  public Instant grantedAt;

  @Column(name = "granted_by")
  public String grantedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decision_note")
  public String decisionNote;

  public Money amount() {
    return new Money(amountValue, amountCurrency);
  }
}
