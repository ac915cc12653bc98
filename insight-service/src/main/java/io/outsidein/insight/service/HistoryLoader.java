package io.outsidein.insight.service;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.domain.CaseHandoff;
import io.outsidein.insight.domain.CaseJourney;
import io.outsidein.insight.domain.CustomerProfile;
import io.outsidein.insight.scoring.Activity;
import io.outsidein.insight.scoring.CustomerHistory;
import io.outsidein.insight.scoring.CustomerHistory.CaseRecord;
import io.outsidein.insight.scoring.CustomerHistory.GestureRecord;
import io.outsidein.insight.scoring.CustomerHistory.Touch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads customers' rows into the snapshots the scorer works on: the tally of their touches, and
 * only the few touches the scorer reads one by one, so scoring a customer costs about the same with
 * ten touches as with ten thousand. A whole set of customers is read in a handful of statements.
 */
@ApplicationScoped
public class HistoryLoader {
  /** The touches CustomerHistory says the scorer reads one by one, and no others. */
  private static final String TOUCHES =
      """
      SELECT c.id AS customer, t.occurred_at, t.department, t.type, t.case_id, t.rating_scale,
        t.rating_score, t.sentiment
      FROM unnest(?) AS c(id) CROSS JOIN LATERAL (
        (select * from touchpoint where customer_id = c.id
         order by occurred_at desc limit ?)
        union
        (select * from touchpoint where customer_id = c.id and sentiment is not null
         order by occurred_at desc limit ?)
        union
        (select * from touchpoint where customer_id = c.id and rating_scale is not null
         order by occurred_at desc limit 1)
        union
        (select * from touchpoint where customer_id = c.id and case_id is not null)
        union
        (select * from touchpoint where customer_id = c.id
         and type = ANY (?) and occurred_at > ?)
      ) AS t
      """;

  private static final String[] COMPLAINTS =
      Touch.COMPLAINTS.stream().map(InteractionType::name).sorted().toArray(String[]::new);

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
    return loadAll(List.of(profile)).get(0);
  }

  /** The customers' histories, in the order of their profiles. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<CustomerHistory> loadAll(List<CustomerProfile> profiles) {
    List<UUID> ids = profiles.stream().map(p -> p.customerId).toList();
    Map<UUID, Activity> activities = tally.activities(ids);
    Rows rows = SetStatements.run(entityManager, connection -> read(connection, ids));
    return profiles.stream()
        .map(
            p ->
                new CustomerHistory(
                    p.customerId,
                    p.segment,
                    activities.get(p.customerId),
                    rows.touches.getOrDefault(p.customerId, List.of()),
                    rows.cases(p.customerId),
                    rows.gestures.getOrDefault(p.customerId, List.of())))
        .toList();
  }

  /** What the scorer needs of the customers besides their tally, grouped by customer. */
  private static final class Rows {
    final Map<UUID, List<Touch>> touches = new HashMap<>();
    final Map<UUID, List<CaseJourney>> journeys = new HashMap<>();
    final Map<UUID, List<CaseHandoff>> handoffs = new HashMap<>();
    final Map<UUID, List<GestureRecord>> gestures = new HashMap<>();

    List<CaseRecord> cases(UUID customerId) {
      return journeys.getOrDefault(customerId, List.of()).stream()
          .map(
              c ->
                  new CaseRecord(
                      c.caseId,
                      path(c, handoffs.getOrDefault(c.caseId, List.of())),
                      c.openedAt,
                      c.resolvedAt))
          .toList();
    }
  }

  private Rows read(Connection connection, List<UUID> ids) throws SQLException {
    Rows rows = new Rows();
    Array customers = SetStatements.uuids(connection, ids);
    InsightConfig.Thresholds limits = config.thresholds();
    try (PreparedStatement touches = connection.prepareStatement(TOUCHES)) {
      touches.setArray(1, customers);
      touches.setInt(2, limits.badExperienceLookback());
      touches.setInt(3, 2 * limits.sentimentWindow());
      touches.setArray(4, connection.createArrayOf("varchar", COMPLAINTS));
      SetStatements.setInstant(touches, 5, clock.instant().minus(limits.recent()));
      try (ResultSet r = touches.executeQuery()) {
        while (r.next()) {
          String scale = r.getString("rating_scale");
          rows.touches
              .computeIfAbsent(SetStatements.uuid(r, "customer"), k -> new ArrayList<>())
              .add(
                  new Touch(
                      SetStatements.instant(r, "occurred_at"),
                      SetStatements.enumOf(Department.class, r.getString("department")),
                      SetStatements.enumOf(InteractionType.class, r.getString("type")),
                      SetStatements.uuid(r, "case_id"),
                      scale == null
                          ? null
                          : new Rating(Rating.Scale.valueOf(scale), r.getInt("rating_score")),
                      (Double) r.getObject("sentiment")));
        }
      }
    }
    List<UUID> withCases = new ArrayList<>();
    try (PreparedStatement journeys =
        connection.prepareStatement(
            "SELECT case_id, customer_id, opened_department, opened_at, resolved_at"
                + " FROM case_journey WHERE customer_id = ANY (?) ORDER BY customer_id, case_id")) {
      journeys.setArray(1, customers);
      try (ResultSet r = journeys.executeQuery()) {
        while (r.next()) {
          CaseJourney journey = new CaseJourney();
          journey.caseId = SetStatements.uuid(r, "case_id");
          journey.customerId = SetStatements.uuid(r, "customer_id");
          journey.openedDepartment =
              SetStatements.enumOf(Department.class, r.getString("opened_department"));
          journey.openedAt = SetStatements.instant(r, "opened_at");
          journey.resolvedAt = SetStatements.instant(r, "resolved_at");
          rows.journeys.computeIfAbsent(journey.customerId, k -> new ArrayList<>()).add(journey);
        }
      }
      withCases.addAll(rows.journeys.keySet());
    }
    // Most customers have no case: their handoffs need no query.
    if (!withCases.isEmpty()) {
      try (PreparedStatement handoffs =
          connection.prepareStatement(
              "SELECT case_id, from_department, to_department FROM case_handoff"
                  + " WHERE customer_id = ANY (?) ORDER BY handed_off_at, event_id")) {
        handoffs.setArray(1, SetStatements.uuids(connection, withCases));
        try (ResultSet r = handoffs.executeQuery()) {
          while (r.next()) {
            CaseHandoff handoff = new CaseHandoff();
            handoff.caseId = SetStatements.uuid(r, "case_id");
            handoff.fromDepartment = Department.valueOf(r.getString("from_department"));
            handoff.toDepartment = Department.valueOf(r.getString("to_department"));
            rows.handoffs.computeIfAbsent(handoff.caseId, k -> new ArrayList<>()).add(handoff);
          }
        }
      }
    }
    try (PreparedStatement gestures =
        connection.prepareStatement(
            "SELECT customer_id, case_id, status, amount, granted_at FROM goodwill_gesture"
                + " WHERE customer_id = ANY (?) ORDER BY granted_at, gesture_id")) {
      gestures.setArray(1, customers);
      try (ResultSet r = gestures.executeQuery()) {
        while (r.next()) {
          rows.gestures
              .computeIfAbsent(SetStatements.uuid(r, "customer_id"), k -> new ArrayList<>())
              .add(
                  new GestureRecord(
                      SetStatements.uuid(r, "case_id"),
                      GestureStatus.valueOf(r.getString("status")),
                      r.getBigDecimal("amount"),
                      SetStatements.instant(r, "granted_at")));
        }
      }
    }
    return rows;
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
