package io.outsidein.insight.domain;

import io.outsidein.events.interaction.Department;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A case of a customer; its handoffs are {@link CaseHandoff} rows. */
@Entity
@Table(name = "case_journey")
public class CaseJourney extends PanacheEntityBase {
  @Id
  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Enumerated(EnumType.STRING)
  @Column(name = "opened_department")
  public Department openedDepartment;

  @Column(name = "opened_at")
  public Instant openedAt;

  @Column(name = "resolved_at")
  public Instant resolvedAt;
}
