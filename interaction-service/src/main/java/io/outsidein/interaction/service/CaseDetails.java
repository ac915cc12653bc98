package io.outsidein.interaction.service;

import io.outsidein.events.interaction.Department;
import io.outsidein.interaction.domain.CaseHandoff;
import io.outsidein.interaction.domain.SupportCase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A case with its handoffs in order and the number of touchpoints recorded on it. */
public record CaseDetails(SupportCase supportCase, List<CaseHandoff> handoffs, long contactCount) {

  /** The departments in the order they were first involved, the owner first. */
  public List<Department> departments() {
    Set<Department> departments = new LinkedHashSet<>();
    departments.add(supportCase.department);
    handoffs.forEach(h -> departments.add(h.toDepartment));
    return List.copyOf(departments);
  }
}
