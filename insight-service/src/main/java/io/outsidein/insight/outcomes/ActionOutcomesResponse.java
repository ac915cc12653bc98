package io.outsidein.insight.outcomes;

import static io.outsidein.insight.outcomes.WireFigures.iso;
import static io.outsidein.insight.outcomes.WireFigures.round;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * GET /insights/actions: per action code and segment, the acted customers and their comparison
 * group. Absent figures are written as null, so every group has the same members.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ActionOutcomesResponse(String outcomeWindow, List<Item> items) {

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Item(String code, String segment, int following, Group acted, Group comparison) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Group(
      int outcomes,
      int retained,
      Rate retainedRate,
      Change healthChange,
      int rated,
      int newComplaints) {}

  /** A share and its 95% Wilson interval, to four decimals. */
  public record Rate(double rate, double low, double high) {}

  /** A mean change of health and its 95% t interval, to two decimals. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Change(int measured, double mean, Double low, Double high) {}

  static ActionOutcomesResponse from(ActionOutcomes.Report report) {
    return new ActionOutcomesResponse(
        iso(report.window()),
        report.rows().stream()
            .map(
                row ->
                    new Item(
                        row.code(),
                        row.segment(),
                        row.following(),
                        group(row.acted()),
                        group(row.comparison())))
            .toList());
  }

  private static Group group(ActionOutcomes.Group g) {
    Intervals.Proportion p = g.retainedRate();
    Intervals.Mean m = g.healthChange();
    return new Group(
        g.outcomes(),
        g.retained(),
        p == null ? null : new Rate(round(p.rate(), 4), round(p.low(), 4), round(p.high(), 4)),
        m == null
            ? null
            : new Change(
                m.measured(),
                round(m.mean(), 2),
                m.low() == null ? null : round(m.low(), 2),
                m.high() == null ? null : round(m.high(), 2)),
        g.rated(),
        g.newComplaints());
  }
}
