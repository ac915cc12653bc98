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

/** A case passing from one department to another: where the friction shows. */
@Entity
@Table(name = "case_handoff")
public class CaseHandoff extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  /** 1 for the first handoff of the case, then 2, 3...: the order of the journey. */
  public int seq;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_department")
  public Department fromDepartment;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_department")
  public Department toDepartment;

  public String note;

  @Column(name = "handed_off_at")
  public Instant handedOffAt;

  @Column(name = "handed_off_by")
  public String handedOffBy;
}
