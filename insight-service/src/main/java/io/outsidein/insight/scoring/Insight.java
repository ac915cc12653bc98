package io.outsidein.insight.scoring;

import io.outsidein.events.interaction.Department;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The scoring of one customer: a health score, a risk, and the reasons for both. */
public record Insight(
    UUID customerId,
    String segment,
    int healthScore,
    ChurnRisk churnRisk,
    List<Reason> reasons,
    List<Action> nextBestActions,
    Metrics metrics,
    Instant computedAt) {

  /** Why health points were lost: {@code points} is what this reason took away. */
  public record Reason(String code, String detail, int points) {}

  /** What the front line can do next. */
  public record Action(String code, String detail) {}

  /** The figures the score was computed from. */
  public record Metrics(
      int interactions,
      Instant firstInteractionAt,
      Instant lastInteractionAt,
      List<Department> departmentsTouched,
      int openCases,
      Double handoffsPerCase,
      Double resolutionHours,
      Double contactsPerCase,
      Double csat,
      Integer nps,
      Sentiment sentiment,
      int gesturesGranted,
      Double rhythmDays,
      Double daysSinceLastInteraction,
      List<CaseMetrics> cases) {}

  /** Average sentiment of the latest interactions, and its change from the ones before. */
  public record Sentiment(Double average, Double trend) {}

  /** One case as the customer lived it. */
  public record CaseMetrics(
      UUID caseId,
      List<Department> path,
      int handoffs,
      int contacts,
      Double resolutionHours,
      boolean open) {}
}
