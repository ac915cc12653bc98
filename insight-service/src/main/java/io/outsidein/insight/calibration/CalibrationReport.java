package io.outsidein.insight.calibration;

import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.scoring.ChurnRisk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counts the closed risk notes per segment and risk level. */
@ApplicationScoped
public class CalibrationReport {
  private final EntityManager entityManager;
  private final InsightConfig config;

  CalibrationReport(EntityManager entityManager, InsightConfig config) {
    this.entityManager = entityManager;
    this.config = config;
  }

  /** Of one segment (listed even without notes) or of every segment that has closed notes. */
  @Transactional
  public Calibration report(String segment) {
    var select =
        entityManager.createNativeQuery(
            "SELECT segment, churn_risk, count(*), count(*) FILTER (WHERE churned)"
                + " FROM risk_note WHERE status = 'CLOSED'"
                + (segment == null ? "" : " AND segment = :segment")
                + " GROUP BY segment, churn_risk");
    if (segment != null) {
      select.setParameter("segment", segment);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = select.getResultList();
    SortedMap<String, Map<ChurnRisk, Calibration.Count>> bySegment = new TreeMap<>();
    if (segment != null) {
      bySegment.put(segment, new EnumMap<>(ChurnRisk.class));
    }
    for (Object[] row : rows) {
      bySegment
          .computeIfAbsent((String) row[0], s -> new EnumMap<>(ChurnRisk.class))
          .put(
              ChurnRisk.valueOf((String) row[1]),
              new Calibration.Count(((Number) row[2]).intValue(), ((Number) row[3]).intValue()));
    }
    return Calibration.of(config.outcome().window(), bySegment);
  }
}
