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

/** One handoff of a case, keyed by the id of its event. */
@Entity
@Table(name = "case_handoff")
public class CaseHandoff extends PanacheEntityBase {
  @Id
  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_department", nullable = false)
  public Department fromDepartment;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_department", nullable = false)
  public Department toDepartment;

  @Column(name = "handed_off_at", nullable = false)
  public Instant handedOffAt;
}
