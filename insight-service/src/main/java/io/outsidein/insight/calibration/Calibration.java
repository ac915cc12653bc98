package io.outsidein.insight.calibration;

import io.outsidein.insight.outcomes.Intervals;
import io.outsidein.insight.scoring.ChurnRisk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Whether the churn risk predicted who then churned: per segment and risk level, the closed notes
 * and the share who churned, and a verdict on HIGH against LOW pooled over the segments.
 */
public record Calibration(Duration window, List<Row> rows, Boolean predicts, String detail) {
  /**
   * Customers each of HIGH and LOW needs before overlapping intervals are read as "does not
   * predict": with fewer, a Wilson interval is wider than ±0.2 around a middling rate, too wide to
   * rule out a real difference; apart intervals are a finding at any size.
   */
  static final int MINIMUM = 20;

  /** Closed notes of one segment and risk level, and how many of them churned. */
  public record Count(int customers, int churned) {
    static final Count NONE = new Count(0, 0);

    Count plus(Count other) {
      return new Count(customers + other.customers, churned + other.churned);
    }
  }

  /** One segment and risk level; no rate without customers. */
  public record Row(
      String segment,
      ChurnRisk churnRisk,
      int customers,
      int churned,
      Intervals.Proportion churnRate) {}

  /** The rows of every segment given, each with the three risk levels from LOW to HIGH. */
  static Calibration of(Duration window, SortedMap<String, Map<ChurnRisk, Count>> bySegment) {
    List<Row> rows = new ArrayList<>();
    Count high = Count.NONE;
    Count low = Count.NONE;
    for (var segment : bySegment.entrySet()) {
      for (ChurnRisk risk : ChurnRisk.values()) {
        Count count = segment.getValue().getOrDefault(risk, Count.NONE);
        rows.add(
            new Row(
                segment.getKey(),
                risk,
                count.customers(),
                count.churned(),
                Intervals.wilson(count.customers(), count.churned())));
      }
      high = high.plus(segment.getValue().getOrDefault(ChurnRisk.HIGH, Count.NONE));
      low = low.plus(segment.getValue().getOrDefault(ChurnRisk.LOW, Count.NONE));
    }
    return verdict(window, rows, high, low);
  }

  private static Calibration verdict(Duration window, List<Row> rows, Count high, Count low) {
    Intervals.Proportion h = Intervals.wilson(high.customers(), high.churned());
    Intervals.Proportion l = Intervals.wilson(low.customers(), low.churned());
    if (h != null && l != null && h.rate() > l.rate() && h.low() > l.high()) {
      return new Calibration(window, rows, true, said(h, l));
    }
    if (high.customers() >= MINIMUM && low.customers() >= MINIMUM) {
      return new Calibration(
          window, rows, false, said(h, l) + ": HIGH does not churn clearly more than LOW");
    }
    return new Calibration(
        window,
        rows,
        null,
        "too few closed windows to say: HIGH "
            + high.customers()
            + ", LOW "
            + low.customers()
            + " customers");
  }

  private static String said(Intervals.Proportion high, Intervals.Proportion low) {
    return "HIGH churned " + percent(high) + ", LOW " + percent(low);
  }

  private static String percent(Intervals.Proportion p) {
    return String.format(
        Locale.ROOT, "%.1f%% (%.1f-%.1f%%)", p.rate() * 100, p.low() * 100, p.high() * 100);
  }
}
