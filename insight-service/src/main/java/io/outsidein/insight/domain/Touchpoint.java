package io.outsidein.insight.domain;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One interaction of a customer, as much of it as insight needs. */
@Entity
@Table(name = "touchpoint")
public class Touchpoint extends PanacheEntityBase {
  @Id
  @Column(name = "interaction_id")
  public UUID interactionId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public Department department;

  @Enumerated(EnumType.STRING)
  public InteractionType type;

  @Column(name = "case_id")
  public UUID caseId;

  @Enumerated(EnumType.STRING)
  @Column(name = "rating_scale")
  public Rating.Scale ratingScale;

  @Column(name = "rating_score")
  public Integer ratingScore;

  public Double sentiment;
}
