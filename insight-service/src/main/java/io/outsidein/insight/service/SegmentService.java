package io.outsidein.insight.service;

import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.scoring.ChurnRisk;
import io.outsidein.insight.service.SegmentSummary.Friction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Insight per customer group. */
@ApplicationScoped
public class SegmentService {
  private static final int TOP_FRICTION = 3;

  private final EntityManager entityManager;
  private final InsightConfig config;

  SegmentService(EntityManager entityManager, InsightConfig config) {
    this.entityManager = entityManager;
    this.config = config;
  }

  @Transactional
  public List<SegmentSummary> segments() {
    Map<String, Object[]> ratings = bySegment(ratingsSql());
    Map<String, Object[]> effort = bySegment(effortSql());
    Map<String, List<Friction>> friction = friction();
    List<SegmentSummary> result = new ArrayList<>();
    for (Object[] row : rows(customersSql())) {
      String segment = (String) row[0];
      Map<String, Long> risk = new LinkedHashMap<>();
      risk.put(ChurnRisk.LOW.name(), number(row[3]));
      risk.put(ChurnRisk.MEDIUM.name(), number(row[4]));
      risk.put(ChurnRisk.HIGH.name(), number(row[5]));
      Object[] rating = ratings.get(segment);
      Object[] contacts = effort.get(segment);
      result.add(
          new SegmentSummary(
              segment,
              number(row[1]),
              decimal(row[2]),
              risk,
              rating == null || number(rating[1]) == 0
                  ? null
                  : (int)
                      Math.round(
                          100.0 * (number(rating[2]) - number(rating[3])) / number(rating[1])),
              rating == null ? null : decimal(rating[4]),
              contacts == null ? null : decimal(contacts[1]),
              friction.getOrDefault(segment, List.of())));
    }
    return result;
  }

  private static String customersSql() {
    return "SELECT p.segment, count(*), avg(i.health_score),"
        + " count(*) FILTER (WHERE i.churn_risk = 'LOW'),"
        + " count(*) FILTER (WHERE i.churn_risk = 'MEDIUM'),"
        + " count(*) FILTER (WHERE i.churn_risk = 'HIGH')"
        + " FROM customer_profile p LEFT JOIN customer_insight i ON i.customer_id = p.customer_id"
        + " WHERE p.status = 'ACTIVE' GROUP BY p.segment ORDER BY p.segment";
  }

  private String ratingsSql() {
    return "SELECT p.segment,"
        + " count(*) FILTER (WHERE t.rating_scale = 'NPS'),"
        + " count(*) FILTER (WHERE t.rating_scale = 'NPS' AND t.rating_score >= "
        + config.thresholds().promoterNps()
        + "),"
        + " count(*) FILTER (WHERE t.rating_scale = 'NPS' AND t.rating_score <= "
        + config.thresholds().lowNps()
        + "),"
        + " avg(t.rating_score) FILTER (WHERE t.rating_scale = 'CSAT')"
        + " FROM touchpoint t JOIN customer_profile p ON p.customer_id = t.customer_id"
        + " WHERE t.rating_scale IS NOT NULL GROUP BY p.segment";
  }

  private static String effortSql() {
    return "SELECT p.segment, avg(c.contacts) FROM ("
        + " SELECT j.customer_id, j.case_id,"
        + " (SELECT count(*) FROM touchpoint t WHERE t.case_id = j.case_id) AS contacts"
        + " FROM case_journey j) c"
        + " JOIN customer_profile p ON p.customer_id = c.customer_id GROUP BY p.segment";
  }

  private Map<String, List<Friction>> friction() {
    Map<String, List<Friction>> bySegment = new HashMap<>();
    List<Object[]> rows =
        rows(
            "SELECT p.segment, h.from_department, h.to_department, count(*) AS n"
                + " FROM case_handoff h JOIN customer_profile p ON p.customer_id = h.customer_id"
                + " GROUP BY p.segment, h.from_department, h.to_department"
                + " ORDER BY p.segment, n DESC, h.from_department, h.to_department");
    for (Object[] row : rows) {
      List<Friction> list = bySegment.computeIfAbsent((String) row[0], s -> new ArrayList<>());
      if (list.size() < TOP_FRICTION) {
        list.add(new Friction((String) row[1], (String) row[2], number(row[3])));
      }
    }
    return bySegment;
  }

  private Map<String, Object[]> bySegment(String sql) {
    Map<String, Object[]> map = new HashMap<>();
    rows(sql).forEach(r -> map.put((String) r[0], r));
    return map;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return entityManager.createNativeQuery(sql).getResultList();
  }

  static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  static Double decimal(Object value) {
    return value == null ? null : Math.round(((Number) value).doubleValue() * 100.0) / 100.0;
  }
}
