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
import io.outsidein.insight.scoring.Activity;
import io.outsidein.insight.scoring.CustomerHistory;
import io.outsidein.insight.scoring.CustomerHistory.CaseRecord;
import io.outsidein.insight.scoring.CustomerHistory.GestureRecord;
import io.outsidein.insight.scoring.CustomerHistory.Touch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads one customer's rows into the snapshot the scorer works on. The touches are summed up by the
 * database and only the few the scorer reads one by one are loaded, so scoring a customer costs
 * about the same with ten touches as with ten thousand.
 */
@ApplicationScoped
public class HistoryLoader {
  private static final String ACTIVITY =
      """
      with mine as (select occurred_at from touchpoint where customer_id = :customer),
           days as (select distinct cast(occurred_at at time zone 'UTC' as date) as day from mine),
           gaps as (select day - lag(day) over (order by day) as gap from days)
      select (select count(*) from mine), (select min(occurred_at) from mine),
             (select max(occurred_at) from mine), (select count(*) from days),
             (select percentile_cont(0.5) within group (order by gap) from gaps)
      """;
  private static final String DEPARTMENTS =
      """
      select department from touchpoint where customer_id = :customer and department is not null
      group by department order by min(occurred_at), department
      """;
  private static final String RATINGS =
      """
      select rating_scale, rating_score, count(*) from touchpoint
      where customer_id = :customer and rating_scale is not null
      group by rating_scale, rating_score
      """;

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
      (select * from touchpoint where customer_id = :customer and case_id is null
       and type in (:complaints) and occurred_at > :since)
      """;

  private static final List<String> COMPLAINTS =
      Touch.COMPLAINTS.stream().map(InteractionType::name).sorted().toList();

  private final EntityManager entityManager;
  private final InsightConfig config;
  private final Clock clock;

  HistoryLoader(EntityManager entityManager, InsightConfig config, Clock clock) {
    this.entityManager = entityManager;
    this.config = config;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public CustomerHistory load(CustomerProfile profile) {
    UUID id = profile.customerId;
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
    return new CustomerHistory(id, profile.segment, activity(id), touches(id), cases, gestures);
  }

  private Activity activity(UUID id) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(ACTIVITY)
                .setParameter("customer", id)
                .getSingleResult();
    List<Department> departments = new ArrayList<>();
    for (Object department :
        entityManager.createNativeQuery(DEPARTMENTS).setParameter("customer", id).getResultList()) {
      departments.add(Department.valueOf((String) department));
    }
    Map<Rating, Long> ratings = new HashMap<>();
    for (Object result :
        entityManager.createNativeQuery(RATINGS).setParameter("customer", id).getResultList()) {
      Object[] r = (Object[]) result;
      ratings.put(
          new Rating(Rating.Scale.valueOf((String) r[0]), ((Number) r[1]).intValue()),
          ((Number) r[2]).longValue());
    }
    return new Activity(
        ((Number) row[0]).intValue(),
        instant(row[1]),
        instant(row[2]),
        departments,
        ratings,
        ((Number) row[3]).intValue(),
        row[4] == null ? null : ((Number) row[4]).doubleValue());
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

  /** A timestamp as the driver hands it over in a native query's result. */
  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    return ((Timestamp) value).toInstant();
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
