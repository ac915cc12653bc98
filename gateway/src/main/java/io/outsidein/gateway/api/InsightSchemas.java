package io.outsidein.gateway.api;

import io.outsidein.events.interaction.Department;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public shapes of insight (eventually consistent, built from events). */
public final class InsightSchemas {
  private InsightSchemas() {}

  public enum ChurnRisk {
    LOW,
    MEDIUM,
    HIGH
  }

  @Schema(name = "InsightMetrics", description = "The facts the scores are computed from")
  public record Metrics(
      @Schema(example = "12", minimum = "0", maximum = "10000000", format = "int32")
          int interactions,
      @Schema(nullable = true) Instant lastInteractionAt,
      @Schema(example = "3", minimum = "0", maximum = "6", format = "int32") int departmentsTouched,
      @Schema(example = "1", minimum = "0", maximum = "100000", format = "int32") int openCases,
      @Schema(example = "1.5", minimum = "0", maximum = "1000", format = "double")
          Double handoffsPerCase,
      @Schema(example = "26.0", minimum = "0", maximum = "1000000", format = "double")
          Double resolutionHours,
      @Schema(example = "3.5", minimum = "1", maximum = "5", format = "double") Double csat,
      @Schema(example = "7", minimum = "0", maximum = "10", format = "double") Double nps,
      @Schema(example = "-0.2", minimum = "-1", maximum = "1", format = "double")
          Double sentiment) {}

  @Schema(name = "CustomerInsights", description = "A customer's health, risk and their reasons")
  public record CustomerInsights(
      UUID customerId,
      @Schema(example = "42", minimum = "0", maximum = "100", format = "int32") int healthScore,
      ChurnRisk churnRisk,
      @Schema(maxItems = 50) List<Common.Reason> reasons,
      @Schema(maxItems = 20) List<Common.Reason> nextBestActions,
      Metrics metrics,
      Instant computedAt) {}

  @Schema(name = "RiskDistribution", description = "Customers per churn risk")
  public record RiskDistribution(
      @Schema(minimum = "0", maximum = "100000000", format = "int32") int LOW,
      @Schema(minimum = "0", maximum = "100000000", format = "int32") int MEDIUM,
      @Schema(minimum = "0", maximum = "100000000", format = "int32") int HIGH) {}

  @Schema(name = "DepartmentPair", description = "A handoff from one department to another")
  public record DepartmentPair(
      Department from,
      Department to,
      @Schema(example = "17", minimum = "0", maximum = "100000000", format = "int32") int count) {}

  @Schema(name = "SegmentInsight", description = "Insight for one customer segment")
  public record SegmentInsight(
      @Schema(example = "smb", maxLength = 40) String segment,
      @Schema(example = "1200", minimum = "0", maximum = "100000000", format = "int32")
          int customers,
      @Schema(example = "71.5", minimum = "0", maximum = "100", format = "double")
          Double averageHealth,
      RiskDistribution risk,
      @Schema(example = "22", minimum = "-100", maximum = "100", format = "double") Double nps,
      @Schema(example = "4.1", minimum = "1", maximum = "5", format = "double") Double csat,
      @Schema(
              description = "Average contacts per case",
              minimum = "0",
              maximum = "100000",
              format = "double")
          Double effort,
      @Schema(maxItems = 10) List<DepartmentPair> topFriction) {}

  @Schema(name = "SegmentInsights", description = "Insight per customer segment")
  public record SegmentInsights(@Schema(maxItems = 1000) List<SegmentInsight> segments) {}

  @Schema(name = "AtRiskCustomer", description = "A customer ranked by churn risk")
  public record AtRiskCustomer(
      UUID customerId,
      @Schema(maxLength = 40) String segment,
      ChurnRisk churnRisk,
      @Schema(minimum = "0", maximum = "100", format = "int32") int healthScore,
      @Schema(maxItems = 50) List<Common.Reason> reasons) {}

  @Schema(name = "AtRiskPage", description = "Customers ranked by risk, riskiest first")
  public record AtRiskPage(
      @Schema(maxItems = 200) List<AtRiskCustomer> items,
      @Schema(nullable = true, maxLength = 200) String next) {}

  @Schema(name = "JourneyPath", description = "Cases that visited the same departments in order")
  public record JourneyPath(
      @Schema(maxItems = 50) List<Department> departments,
      @Schema(minimum = "0", maximum = "100000000", format = "int32") int cases,
      @Schema(minimum = "0", maximum = "1000000", format = "double") Double averageResolutionHours,
      @Schema(minimum = "0", maximum = "100000", format = "double") Double averageContacts) {}

  @Schema(name = "JourneyAnalytics", description = "Department paths of cases and the handoffs")
  public record JourneyAnalytics(
      @Schema(maxItems = 1000) List<JourneyPath> paths,
      @Schema(maxItems = 36) List<DepartmentPair> handoffMatrix) {}

  @Schema(name = "RebuildStarted", description = "The read models are being rebuilt from events")
  public record RebuildStarted(@Schema(example = "STARTED", maxLength = 20) String status) {}
}
