package io.outsidein.insight.service;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.scoring.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads each customer's {@link Activity} from a running tally, which {@link TouchpointRecorder}
 * adds to as touchpoints are stored, so that scoring reads a few rows however long the history is.
 * Counted again from the touchpoints only when they move (a merge).
 */
@ApplicationScoped
public class ActivityTally {
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

  /** Each customer's activity in one statement; empty for those without touchpoints. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<UUID, Activity> activities(Collection<UUID> customerIds) {
    Map<UUID, Activity> activities = new HashMap<>();
    SetStatements.run(
        entityManager,
        connection -> {
          try (PreparedStatement read =
              connection.prepareStatement(
                  """
                  SELECT a.customer_id, a.touches, a.first_at, a.last_at, a.active_days,
                    (SELECT string_agg(d.department, ',' ORDER BY d.first_at, d.department)
                     FROM customer_department d WHERE d.customer_id = a.customer_id) AS departments,
                    (SELECT string_agg(r.scale || ':' || r.score || ':' || r.answers, ',')
                     FROM customer_rating r WHERE r.customer_id = a.customer_id) AS ratings
                  FROM customer_activity a WHERE a.customer_id = ANY (?)
                  """)) {
            read.setArray(1, SetStatements.uuids(connection, customerIds));
            try (ResultSet rows = read.executeQuery()) {
              while (rows.next()) {
                activities.put(SetStatements.uuid(rows, "customer_id"), activity(rows));
              }
            }
          }
          return null;
        });
    customerIds.forEach(id -> activities.putIfAbsent(id, Activity.of(List.of())));
    return activities;
  }

  private static Activity activity(ResultSet row) throws SQLException {
    List<Department> departments = new ArrayList<>();
    for (String department : split(row.getString("departments"))) {
      departments.add(Department.valueOf(department));
    }
    Map<Rating, Long> ratings = new HashMap<>();
    for (String answer : split(row.getString("ratings"))) {
      String[] parts = answer.split(":");
      ratings.put(
          new Rating(Rating.Scale.valueOf(parts[0]), Integer.parseInt(parts[1])),
          Long.parseLong(parts[2]));
    }
    List<Long> days = new ArrayList<>();
    for (Integer day : (Integer[]) row.getArray("active_days").getArray()) {
      days.add((long) day);
    }
    return new Activity(
        row.getInt("touches"),
        SetStatements.instant(row, "first_at"),
        SetStatements.instant(row, "last_at"),
        departments,
        ratings,
        days);
  }

  private static List<String> split(String joined) {
    return joined == null ? List.of() : List.of(joined.split(","));
  }
}
