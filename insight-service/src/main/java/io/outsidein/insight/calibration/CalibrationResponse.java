package io.outsidein.insight.calibration;

import static io.outsidein.insight.outcomes.WireFigures.iso;
import static io.outsidein.insight.outcomes.WireFigures.round;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.insight.outcomes.Intervals;
import io.outsidein.insight.scoring.ChurnRisk;
import java.util.List;

/**
 * GET /insights/calibration: per segment and churn risk, who then churned, and whether HIGH churned
 * more than LOW. Absent figures are written as null, so every row has the same members.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CalibrationResponse(
    String outcomeWindow, List<Item> items, Boolean predicts, String detail) {

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Item(
      String segment, ChurnRisk churnRisk, int customers, int churned, Estimate churnRate) {}

  /** The share who churned and its 95% Wilson interval, to four decimals. */
  public record Estimate(double value, double low, double high) {}

  static CalibrationResponse from(Calibration calibration) {
    return new CalibrationResponse(
        iso(calibration.window()),
        calibration.rows().stream()
            .map(
                row ->
                    new Item(
                        row.segment(),
                        row.churnRisk(),
                        row.customers(),
                        row.churned(),
                        estimate(row.churnRate())))
            .toList(),
        calibration.predicts(),
        calibration.detail());
  }

  private static Estimate estimate(Intervals.Proportion p) {
    return p == null
        ? null
        : new Estimate(round(p.rate(), 4), round(p.low(), 4), round(p.high(), 4));
  }
}
