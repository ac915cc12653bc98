package io.outsidein.insight.service;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.domain.CaseHandoff;
import io.outsidein.insight.domain.CaseJourney;
import io.outsidein.insight.domain.CustomerProfile;
import io.outsidein.insight.domain.GoodwillGesture;
import io.outsidein.insight.domain.Touchpoint;
import io.outsidein.insight.scoring.CustomerHistory;
import io.outsidein.insight.scoring.CustomerHistory.CaseRecord;
import io.outsidein.insight.scoring.CustomerHistory.GestureRecord;
import io.outsidein.insight.scoring.CustomerHistory.Touch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads one customer's rows into the snapshot the scorer works on. */
@ApplicationScoped
public class HistoryLoader {

  @Transactional(Transactional.TxType.MANDATORY)
  public CustomerHistory load(CustomerProfile profile) {
    UUID id = profile.customerId;
    List<Touch> touches =
        Touchpoint.<Touchpoint>list("customerId", id).stream()
            .map(
                t ->
                    new Touch(
                        micros(t.occurredAt),
                        t.department,
                        t.type,
                        t.caseId,
                        t.ratingScale == null ? null : new Rating(t.ratingScale, t.ratingScore),
                        t.sentiment))
            .toList();
    Map<UUID, List<CaseHandoff>> handoffs =
        CaseHandoff.<CaseHandoff>list("customerId = ?1 order by handedOffAt, eventId", id).stream()
            .collect(Collectors.groupingBy(h -> h.caseId));
    List<CaseRecord> cases =
        CaseJourney.<CaseJourney>list("customerId = ?1 order by caseId", id).stream()
            .map(
                c ->
                    new CaseRecord(
                        c.caseId,
                        path(c, handoffs.getOrDefault(c.caseId, List.of())),
                        c.openedAt,
                        c.resolvedAt))
            .toList();
    List<GestureRecord> gestures =
        GoodwillGesture.<GoodwillGesture>list("customerId", id).stream()
            .map(g -> new GestureRecord(g.caseId, g.status, g.amount, micros(g.grantedAt)))
            .toList();
    return new CustomerHistory(id, profile.segment, touches, cases, gestures);
  }

  /**
   * Times as the database keeps them (microseconds), so that a score is the same whether its rows
   * were just written or read back.
   */
  public static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** The opening department, then where each handoff took the case, in time order. */
  public static List<Department> path(CaseJourney journey, List<CaseHandoff> handoffs) {
    List<Department> path = new ArrayList<>();
    if (journey.openedDepartment != null) {
      path.add(journey.openedDepartment);
    } else if (!handoffs.isEmpty()) {
      path.add(handoffs.get(0).fromDepartment);
    }
    handoffs.forEach(h -> path.add(h.toDepartment));
    return path;
  }
}
