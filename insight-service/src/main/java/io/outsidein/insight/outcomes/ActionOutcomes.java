package io.outsidein.insight.outcomes;

import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.service.SetStatements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What followed the actions taken, per action code and segment, beside the comparison group. */
@ApplicationScoped
public class ActionOutcomes {
  private final EntityManager entityManager;
  private final InsightConfig config;

  ActionOutcomes(EntityManager entityManager, InsightConfig config) {
    this.entityManager = entityManager;
    this.config = config;
  }

  /** The figures of one group over its closed windows. */
  public record Group(
      int outcomes,
      int retained,
      Intervals.Proportion retainedRate,
      Intervals.Mean healthChange,
      int rated,
      int newComplaints) {
    static final Group NONE = new Group(0, 0, null, null, 0, 0);
  }

  /** One action code in one segment: the acted customers and their comparison group. */
  public record Row(String code, String segment, int following, Group acted, Group comparison) {}

  /** The report and the window it measured over. */
  public record Report(java.time.Duration window, List<Row> rows) {}

  /**
   * Actions taken in [from, to) (either open), of one segment or all, by code and segment. Only
   * closed windows are counted; a comparison customer someone acted on within the window is left
   * out.
   */
  @Transactional
  public Report report(String segment, Instant from, Instant to) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT code, segment, kind, status, count(*) AS n,"
                + " count(*) FILTER (WHERE retained) AS retained,"
                + " count(health_after - health_before) AS measured,"
                + " avg(health_after - health_before) AS mean,"
                + " coalesce(stddev_samp(health_after - health_before), 0) AS sd,"
                + " count(rating_scale) AS rated,"
                + " count(*) FILTER (WHERE new_complaint) AS complaints"
                + " FROM outcome_follow WHERE status <> 'EXCLUDED' AND kind <> 'ENROLLED'");
    List<Object> parameters = new ArrayList<>();
    if (segment != null) {
      sql.append(" AND segment = ?");
      parameters.add(segment);
    }
    if (from != null) {
      sql.append(" AND opened_at >= ?");
      parameters.add(from);
    }
    if (to != null) {
      sql.append(" AND opened_at < ?");
      parameters.add(to);
    }
    sql.append(" GROUP BY code, segment, kind, status ORDER BY code, segment");
    Map<String, Row> rows = new LinkedHashMap<>();
    SetStatements.run(
        entityManager,
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
              Object value = parameters.get(i);
              if (value instanceof Instant at) {
                SetStatements.setInstant(select, i + 1, at);
              } else {
                select.setString(i + 1, (String) value);
              }
            }
            try (ResultSet result = select.executeQuery()) {
              while (result.next()) {
                add(rows, result);
              }
            }
          }
          return null;
        });
    return new Report(config.outcome().window(), List.copyOf(rows.values()));
  }

  private static void add(Map<String, Row> rows, ResultSet result) throws java.sql.SQLException {
    String code = result.getString("code");
    String segment = result.getString("segment");
    Row row =
        rows.getOrDefault(code + "/" + segment, new Row(code, segment, 0, Group.NONE, Group.NONE));
    boolean acted = OutcomeFollow.Kind.ACTED.name().equals(result.getString("kind"));
    int n = result.getInt("n");
    if (OutcomeFollow.Status.FOLLOWING.name().equals(result.getString("status"))) {
      // Windows still open are not outcomes yet; only the acted ones are told, as a count.
      if (acted) {
        row = new Row(code, segment, n, row.acted(), row.comparison());
      }
    } else {
      int retained = result.getInt("retained");
      int measured = result.getInt("measured");
      Group group =
          new Group(
              n,
              retained,
              Intervals.wilson(n, retained),
              Intervals.mean(measured, result.getDouble("mean"), result.getDouble("sd")),
              result.getInt("rated"),
              result.getInt("complaints"));
      row =
          acted
              ? new Row(code, segment, row.following(), group, row.comparison())
              : new Row(code, segment, row.following(), row.acted(), group);
    }
    rows.put(code + "/" + segment, row);
  }
}
