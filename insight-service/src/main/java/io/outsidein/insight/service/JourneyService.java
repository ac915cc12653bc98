package io.outsidein.insight.service;

import io.outsidein.events.interaction.Department;
import io.outsidein.insight.domain.CaseHandoff;
import io.outsidein.insight.domain.CaseJourney;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The department paths cases take, and how often each department hands off to another. */
@ApplicationScoped
public class JourneyService {
  private final EntityManager entityManager;

  JourneyService(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** One path and the cases that followed it. */
  public record JourneyPath(
      List<Department> path, long cases, Double averageResolutionHours, Double averageContacts) {}

  /** One cell of the handoff matrix. */
  public record Handoff(Department from, Department to, long count) {}

  /** Paths, most frequent first, and the handoff matrix. */
  public record Journeys(List<JourneyPath> paths, List<Handoff> handoffMatrix) {}

  @Transactional
  public Journeys journeys() {
    Map<UUID, List<CaseHandoff>> handoffs =
        CaseHandoff.<CaseHandoff>list("order by handedOffAt, eventId").stream()
            .collect(Collectors.groupingBy(h -> h.caseId));
    Map<UUID, Long> contacts = new LinkedHashMap<>();
    List<Object[]> counts =
        entityManager
            .createQuery(
                "select t.caseId, count(t) from Touchpoint t where t.caseId is not null"
                    + " group by t.caseId",
                Object[].class)
            .getResultList();
    counts.forEach(r -> contacts.put((UUID) r[0], ((Number) r[1]).longValue()));

    Map<List<Department>, List<CaseJourney>> byPath = new LinkedHashMap<>();
    for (CaseJourney journey : CaseJourney.<CaseJourney>listAll()) {
      List<Department> path =
          HistoryLoader.path(journey, handoffs.getOrDefault(journey.caseId, List.of()));
      if (!path.isEmpty()) {
        byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(journey);
      }
    }
    List<JourneyPath> paths =
        byPath.entrySet().stream()
            .map(
                e ->
                    new JourneyPath(
                        e.getKey(),
                        e.getValue().size(),
                        SegmentService.decimal(
                            e.getValue().stream()
                                .filter(c -> c.openedAt != null && c.resolvedAt != null)
                                .mapToDouble(
                                    c ->
                                        Duration.between(c.openedAt, c.resolvedAt).toMinutes()
                                            / 60.0)
                                .average()
                                .stream()
                                .boxed()
                                .findFirst()
                                .orElse(null)),
                        SegmentService.decimal(
                            e.getValue().stream()
                                .mapToLong(c -> contacts.getOrDefault(c.caseId, 0L))
                                .average()
                                .orElse(0))))
            .sorted(
                Comparator.comparingLong(JourneyPath::cases)
                    .reversed()
                    .thenComparing(p -> p.path().toString()))
            .toList();
    List<Handoff> matrix =
        entityManager
            .createQuery(
                "select h.fromDepartment, h.toDepartment, count(h) from CaseHandoff h"
                    + " group by h.fromDepartment, h.toDepartment"
                    + " order by count(h) desc, h.fromDepartment, h.toDepartment",
                Object[].class)
            .getResultList()
            .stream()
            .map(
                r -> new Handoff((Department) r[0], (Department) r[1], ((Number) r[2]).longValue()))
            .toList();
    return new Journeys(paths, matrix);
  }
}
