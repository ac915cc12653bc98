package io.outsidein.insight.service;

import io.outsidein.insight.domain.CustomerInsight;
import io.outsidein.insight.scoring.ChurnRisk;
import io.outsidein.insight.scoring.Insight;
import io.outsidein.kit.problem.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Customers ranked by churn risk, then by health, paged with an opaque cursor. */
@ApplicationScoped
public class AtRiskService {
  private final EntityManager entityManager;
  private final InsightService insights;

  AtRiskService(EntityManager entityManager, InsightService insights) {
    this.entityManager = entityManager;
    this.insights = insights;
  }

  /** One ranked customer. */
  public record AtRisk(
      UUID customerId,
      String segment,
      ChurnRisk churnRisk,
      int healthScore,
      List<Insight.Reason> reasons,
      Instant computedAt) {}

  /** A page and the cursor of the next one, null at the end. */
  public record Page(List<AtRisk> items, String next) {}

  @Transactional
  public Page list(String segment, ChurnRisk minRisk, int limit, String cursor) {
    StringBuilder where = new StringBuilder("i.riskRank >= :minRank");
    if (segment != null && !segment.isBlank()) {
      where.append(" and i.segment = :segment");
    }
    Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor);
    if (after != null) {
      where.append(
          " and (i.riskRank < :rank or (i.riskRank = :rank and (i.healthScore > :health"
              + " or (i.healthScore = :health and i.customerId > :id))))");
    }
    TypedQuery<CustomerInsight> query =
        entityManager
            .createQuery(
                "from CustomerInsight i where "
                    + where
                    + " order by i.riskRank desc, i.healthScore asc, i.customerId asc",
                CustomerInsight.class)
            .setParameter("minRank", minRisk.rank())
            .setMaxResults(limit + 1);
    if (segment != null && !segment.isBlank()) {
      query.setParameter("segment", segment);
    }
    if (after != null) {
      query
          .setParameter("rank", after.rank())
          .setParameter("health", after.health())
          .setParameter("id", after.id());
    }
    List<CustomerInsight> rows = query.getResultList();
    List<CustomerInsight> page = rows.subList(0, Math.min(limit, rows.size()));
    String next = rows.size() > limit ? Position.of(page.get(page.size() - 1)).encode() : null;
    return new Page(
        page.stream()
            .map(
                r ->
                    new AtRisk(
                        r.customerId,
                        r.segment,
                        ChurnRisk.valueOf(r.churnRisk),
                        r.healthScore,
                        insights.reasons(r.reasons),
                        r.computedAt))
            .toList(),
        next);
  }

  /** Where a page ended: risk rank, health and id of its last customer. */
  record Position(int rank, int health, UUID id) {
    static Position of(CustomerInsight row) {
      return new Position(row.riskRank, row.healthScore, row.customerId);
    }

    String encode() {
      String raw = "v1:" + rank + ":" + health + ":" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String[] parts = raw.split(":");
        if (parts.length != 4 || !parts[0].equals("v1")) {
          throw new IllegalArgumentException("unknown cursor layout");
        }
        return new Position(
            Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), UUID.fromString(parts[3]));
      } catch (IllegalArgumentException e) {
        throw QueryParams.invalid(
            "cursor", "is not one this service handed out; start again without it");
      }
    }
  }
}
