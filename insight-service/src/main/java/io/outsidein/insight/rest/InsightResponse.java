package io.outsidein.insight.rest;

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

  /** A next best action for the front line. */
  @Schema(name = "NextBestAction")
  public record ActionResponse(
      @Schema(example = "GOODWILL_GESTURE") String code,
      @Schema(example = "offer a goodwill gesture up to 25.00, within the front-line latitude")
          String detail) {
    static ActionResponse from(Insight.Action action) {
      return new ActionResponse(action.code(), action.detail());
    }
  }

  static InsightResponse from(Insight insight) {
    return new InsightResponse(
        insight.customerId(),
        insight.segment(),
        insight.healthScore(),
        insight.churnRisk(),
        insight.reasons().stream().map(ReasonResponse::from).toList(),
        insight.nextBestActions().stream().map(ActionResponse::from).toList(),
        insight.metrics(),
        insight.computedAt());
  }
}
