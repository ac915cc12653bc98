package io.outsidein.insight.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Insight per customer group. */
@ApplicationScoped
public class SegmentService {
  private final EntityManager entityManager;

  SegmentService(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public List<SegmentSummary> segments() {
    return entityManager
        .createQuery(
            "select new io.outsidein.insight.service.SegmentSummary(p.segment, count(p))"
                + " from CustomerProfile p where p.status = 'ACTIVE'"
                + " group by p.segment order by p.segment",
            SegmentSummary.class)
        .getResultList();
  }
}
