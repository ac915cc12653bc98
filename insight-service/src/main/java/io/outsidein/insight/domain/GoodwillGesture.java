package io.outsidein.insight.domain;

import io.outsidein.events.interaction.GestureStatus;
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

/** A goodwill gesture offered to a customer. */
@Entity
@Table(name = "goodwill_gesture")
public class GoodwillGesture extends PanacheEntityBase {
  @Id
  @Column(name = "gesture_id")
  public UUID gestureId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "case_id")
  public UUID caseId;

  public BigDecimal amount;

  public String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public GestureStatus status;

  @Column(name = "granted_at", nullable = false)
  public Instant grantedAt;
}
