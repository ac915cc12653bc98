package io.outsidein.interaction.domain;

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

/** A case: one problem or request of a customer, followed across the departments it visits. */
@Entity
@Table(name = "support_case")
public class SupportCase extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  public String subject;

  /** The owning department, where the case was opened. */
  @Enumerated(EnumType.STRING)
  public Department department;

  /** Where the case is now: the owner, or the target of the latest handoff. */
  @Enumerated(EnumType.STRING)
  @Column(name = "current_department")
  public Department currentDepartment;

  @Enumerated(EnumType.STRING)
  public CaseStatus status;

  @Column(name = "opened_at")
  public Instant openedAt;

  @Column(name = "opened_by")
  public String openedBy;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  public String resolution;

  @Column(name = "resolved_by")
  public String resolvedBy;
}
