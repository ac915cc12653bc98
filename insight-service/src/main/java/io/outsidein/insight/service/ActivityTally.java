package io.outsidein.insight.service;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.domain.Touchpoint;
import io.outsidein.insight.scoring.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps each customer's {@link Activity} as a running tally, added to as each touchpoint is stored,
 * so that scoring reads a few rows however long the history is. Counted again from the touchpoints
 * only when they move (a merge).
 */
@ApplicationScoped
public class ActivityTally {
  private static final String ADD_TOUCH =
      """
      INSERT INTO customer_activity AS a (customer_id, touches, first_at, last_at, active_days)
      VALUES (:customer, 1, :at, :at, CAST(ARRAY[:day] AS integer[]))
      ON CONFLICT (customer_id) DO UPDATE SET
        touches = a.touches + 1,
        first_at = LEAST(a.first_at, EXCLUDED.first_at),
        last_at = GREATEST(a.last_at, EXCLUDED.last_at),
        active_days = CASE WHEN EXCLUDED.active_days[1] = ANY(a.active_days) THEN a.active_days
          ELSE ARRAY(SELECT d FROM unnest(a.active_days || EXCLUDED.active_days) AS d ORDER BY d)
          END
      """;
  private static final String ADD_DEPARTMENT =
      """
      INSERT INTO customer_department AS d (customer_id, department, first_at)
      VALUES (:customer, :department, :at)
      ON CONFLICT (customer_id, department) DO UPDATE SET
        first_at = LEAST(d.first_at, EXCLUDED.first_at)
      """;
  private static final String ADD_RATING =
      """
      INSERT INTO customer_rating AS r (customer_id, scale, score, answers)
      VALUES (:customer, :scale, :score, 1)
      ON CONFLICT (customer_id, scale, score) DO UPDATE SET answers = r.answers + 1
      """;
  private static final List<String> RECOUNT =
      List.of(
          """
          INSERT INTO customer_activity (customer_id, touches, first_at, last_at, active_days)
          SELECT customer_id, count(*), min(occurred_at), max(occurred_at),
                 array_agg(DISTINCT CAST(occurred_at AT TIME ZONE 'UTC' AS date) - DATE '1970-01-01'
                   ORDER BY CAST(occurred_at AT TIME ZONE 'UTC' AS date) - DATE '1970-01-01')
          FROM touchpoint WHERE customer_id = :customer GROUP BY customer_id
          """,
          """
          INSERT INTO customer_department (customer_id, department, first_at)
          SELECT customer_id, department, min(occurred_at) FROM touchpoint
          WHERE customer_id = :customer AND department IS NOT NULL
          GROUP BY customer_id, department
          """,
          """
          INSERT INTO customer_rating (customer_id, scale, score, answers)
          SELECT customer_id, rating_scale, rating_score, count(*) FROM touchpoint
          WHERE customer_id = :customer AND rating_scale IS NOT NULL
          GROUP BY customer_id, rating_scale, rating_score
          """);

  /** The tally's tables, each keyed by customer_id first. */
  public static final List<String> TABLES =
      List.of("customer_activity", "customer_department", "customer_rating");

  private final EntityManager entityManager;

  ActivityTally(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Adds a newly stored touchpoint; call it once per touchpoint, in the transaction storing it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(Touchpoint touch) {
    entityManager
        .createNativeQuery(ADD_TOUCH)
        .setParameter("customer", touch.customerId)
        .setParameter("at", touch.occurredAt)
        .setParameter(
            "day", (int) LocalDate.ofInstant(touch.occurredAt, ZoneOffset.UTC).toEpochDay())
        .executeUpdate();
    if (touch.department != null) {
      entityManager
          .createNativeQuery(ADD_DEPARTMENT)
          .setParameter("customer", touch.customerId)
          .setParameter("department", touch.department.name())
          .setParameter("at", touch.occurredAt)
          .executeUpdate();
    }
    if (touch.ratingScale != null) {
      entityManager
          .createNativeQuery(ADD_RATING)
          .setParameter("customer", touch.customerId)
          .setParameter("scale", touch.ratingScale.name())
          .setParameter("score", touch.ratingScore)
          .executeUpdate();
    }
  }

  /** Counts the customer's touchpoints again, after some moved to them (a merge). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recount(UUID customerId) {
    forget(customerId);
    RECOUNT.forEach(
        sql ->
            entityManager
                .createNativeQuery(sql)
                .setParameter("customer", customerId)
                .executeUpdate());
  }

  /** Drops the customer's tally (erased, or merged into another). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forget(UUID customerId) {
    TABLES.forEach(
        table ->
            entityManager
                .createNativeQuery("DELETE FROM " + table + " WHERE customer_id = :customer")
                .setParameter("customer", customerId)
                .executeUpdate());
  }

  /** The customer's activity; empty without touchpoints. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Activity activity(UUID customerId) {
    // One statement: scoring runs for every event, and insight is bound by round trips.
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                """
                SELECT a.touches, a.first_at, a.last_at, a.active_days,
                  (SELECT string_agg(d.department, ',' ORDER BY d.first_at, d.department)
                   FROM customer_department d WHERE d.customer_id = a.customer_id),
                  (SELECT string_agg(r.scale || ':' || r.score || ':' || r.answers, ',')
                   FROM customer_rating r WHERE r.customer_id = a.customer_id)
                FROM customer_activity a WHERE a.customer_id = :customer
                """)
            .setParameter("customer", customerId)
            .getResultList();
    if (rows.isEmpty()) {
      return Activity.of(List.of());
    }
    Object[] row = rows.get(0);
    List<Department> departments = new ArrayList<>();
    for (String department : split(row[4])) {
      departments.add(Department.valueOf(department));
    }
    Map<Rating, Long> ratings = new HashMap<>();
    for (String answer : split(row[5])) {
      String[] parts = answer.split(":");
      ratings.put(
          new Rating(Rating.Scale.valueOf(parts[0]), Integer.parseInt(parts[1])),
          Long.parseLong(parts[2]));
    }
    return new Activity(
        ((Number) row[0]).intValue(),
        instant(row[1]),
        instant(row[2]),
        departments,
        ratings,
        days(row[3]));
  }

  private static List<String> split(Object joined) {
    return joined == null ? List.of() : List.of(((String) joined).split(","));
  }

  private static List<Long> days(Object value) {
    Object elements = value;
    if (value instanceof Array array) {
      try {
        elements = array.getArray();
      } catch (SQLException e) {
        throw new IllegalStateException("active days unreadable", e);
      }
    }
    List<Long> days = new ArrayList<>();
    if (elements instanceof int[] ints) {
      for (int day : ints) {
        days.add((long) day);
      }
    } else {
      for (Object day : (Object[]) elements) {
        days.add(((Number) day).longValue());
      }
    }
    return days;
  }

  /** A timestamp as the driver hands it over in a native query's result. */
  private static Instant instant(Object value) {
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
}
