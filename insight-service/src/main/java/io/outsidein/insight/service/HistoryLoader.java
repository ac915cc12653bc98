package io.outsidein.insight.service;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.config.InsightConfig;
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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads one customer's rows into the snapshot the scorer works on: the tally of their touches, and
 * only the few touches the scorer reads one by one, so scoring a customer costs about the same with
 * ten touches as with ten thousand.
 */
@ApplicationScoped
public class HistoryLoader {
  /** The touches CustomerHistory says the scorer reads one by one, and no others. */
  private static final String TOUCHES =
      """
      (select * from touchpoint where customer_id = :customer
       order by occurred_at desc limit :latest)
      union
      (select * from touchpoint where customer_id = :customer and sentiment is not null
       order by occurred_at desc limit :sentiments)
      union
      (select * from touchpoint where customer_id = :customer and rating_scale is not null
       order by occurred_at desc limit 1)
      union
      (select * from touchpoint where customer_id = :customer and case_id is not null)
      union
      (select * from touchpoint where customer_id = :customer
       and type in (:complaints) and occurred_at > :since)
      """;

  private static final List<String> COMPLAINTS =
      Touch.COMPLAINTS.stream().map(InteractionType::name).sorted().toList();

  private final EntityManager entityManager;
  private final ActivityTally tally;
  private final InsightConfig config;
  private final Clock clock;

  HistoryLoader(
      EntityManager entityManager, ActivityTally tally, InsightConfig config, Clock clock) {
    this.entityManager = entityManager;
    this.tally = tally;
    this.config = config;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public CustomerHistory load(CustomerProfile profile) {
    UUID id = profile.customerId;
    List<CaseJourney> journeys = CaseJourney.list("customerId = ?1 order by caseId", id);
    // Most customers have no case: their handoffs need no query.
    Map<UUID, List<CaseHandoff>> handoffs =
        journeys.isEmpty()
            ? Map.of()
            : CaseHandoff.<CaseHandoff>list("customerId = ?1 order by handedOffAt, eventId", id)
                .stream()
                .collect(Collectors.groupingBy(h -> h.caseId));
    List<CaseRecord> cases =
        journeys.stream()
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
    return new CustomerHistory(
        id, profile.segment, tally.activity(id), touches(id), cases, gestures);
  }

  private List<Touch> touches(UUID id) {
    InsightConfig.Thresholds limits = config.thresholds();
    @SuppressWarnings("unchecked")
    List<Touchpoint> rows =
        entityManager
            .createNativeQuery(TOUCHES, Touchpoint.class)
            .setParameter("customer", id)
            .setParameter("latest", limits.badExperienceLookback())
            .setParameter("sentiments", 2 * limits.sentimentWindow())
            .setParameter("complaints", COMPLAINTS)
            .setParameter("since", clock.instant().minus(limits.recent()))
            .getResultList();
    return rows.stream()
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
