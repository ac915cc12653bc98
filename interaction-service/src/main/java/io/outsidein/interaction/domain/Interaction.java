package io.outsidein.interaction.domain;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Money;
import io.outsidein.events.interaction.Rating;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A touchpoint: something that happened between the customer and one department. */
@Entity
@Table(name = "interaction")
public class Interaction extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public Department department;

  @Enumerated(EnumType.STRING)
  public InteractionType type;

  public String summary;

  @Column(name = "case_id")
  public UUID caseId;

  @Enumerated(EnumType.STRING)
  @Column(name = "rating_scale")
  public Rating.Scale ratingScale;

  @Column(name = "rating_score")
  public Integer ratingScore;

  public Double sentiment;

  @Column(name = "amount_value")
  public BigDecimal amountValue;

  @Column(name = "amount_currency")
  public String amountCurrency;

  @Column(name = "external_id")
  public String externalId;

  /** Who recorded it (the caller's X-Actor); null when no caller was named, and in older rows. */
  @Column(name = "recorded_by")
  public String recordedBy;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> attributes;

  public Rating rating() {
    return ratingScale == null ? null : new Rating(ratingScale, ratingScore);
  }

  public Money amount() {
    return amountValue == null ? null : new Money(amountValue, amountCurrency);
  }
}
