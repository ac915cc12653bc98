package io.outsidein.insight.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.insight.experiments.ArmRecommendations;
import io.outsidein.insight.experiments.CustomerExperiments;
import io.outsidein.insight.experiments.ExperimentRequests;
import io.outsidein.insight.scoring.ChurnRisk;
import io.outsidein.insight.scoring.Insight;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerInsight", description = "Health, churn risk and the reasons for both")
public record InsightResponse(
    @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID customerId,
    @Schema(example = "smb") String segment,
    @Schema(example = "45", minimum = "0", maximum = "100") int healthScore,
    @Schema(example = "HIGH") ChurnRisk churnRisk,
    List<ReasonResponse> reasons,
    List<ActionResponse> nextBestActions,
    List<ExperimentResponse> experiments,
    Insight.Metrics metrics,
    Instant computedAt) {

  /** A reason and the health points it took away. */
  @Schema(name = "InsightReason")
  public record ReasonResponse(
      @Schema(example = "UNRESOLVED_COMPLAINT") String code,
      @Schema(example = "unresolved: case 0b6e... opened 2026-11-02T09:00:00Z") String detail,
      @Schema(example = "20") int points) {
    static ReasonResponse from(Insight.Reason reason) {
      return new ReasonResponse(reason.code(), reason.detail(), reason.points());
    }
  }

  /** A next best action for the front line; the experiment and arm when an arm recommends it. */
  @Schema(name = "NextBestAction")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ActionResponse(
      @Schema(example = "GOODWILL_GESTURE") String code,
      @Schema(example = "offer a goodwill gesture up to 25.00, within the front-line latitude")
          String detail,
      UUID experimentId,
      @Schema(example = "callBack") String arm) {
    static ActionResponse from(ArmRecommendations.Recommendation r) {
      return new ActionResponse(r.code(), r.detail(), r.experimentId(), r.arm());
    }
  }

  /** A running experiment the customer takes part in, and their arm. */
  @Schema(name = "CustomerExperiment")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ExperimentResponse(
      UUID experimentId,
      @Schema(example = "Call back silent customers") String name,
      @Schema(example = "callBack") String arm,
      ExperimentRequests.Treatment treatment,
      Instant enrolledAt) {
    static ExperimentResponse from(CustomerExperiments.Participation p) {
      return new ExperimentResponse(
          p.experiment().id,
          p.experiment().name,
          p.arm().name(),
          p.arm().treatment(),
          p.enrolledAt());
    }
  }

  static InsightResponse from(
      Insight insight,
      List<ArmRecommendations.Recommendation> nextBestActions,
      List<CustomerExperiments.Participation> experiments) {
    return new InsightResponse(
        insight.customerId(),
        insight.segment(),
        insight.healthScore(),
        insight.churnRisk(),
        insight.reasons().stream().map(ReasonResponse::from).toList(),
        nextBestActions.stream().map(ActionResponse::from).toList(),
        experiments.stream().map(ExperimentResponse::from).toList(),
        insight.metrics(),
        insight.computedAt());
  }
}
