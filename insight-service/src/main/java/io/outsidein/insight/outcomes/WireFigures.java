package io.outsidein.insight.outcomes;

import java.time.Duration;

/** How the reports write their windows and figures on the wire, the same in each. */
public final class WireFigures {
  private WireFigures() {}

  /** Whole days as days ({@code P30D}), as the configuration says it; else {@code PT2M}. */
  public static String iso(Duration window) {
    return window.toSeconds() % 86_400 == 0 && window.toNanosPart() == 0
        ? "P" + window.toDays() + "D"
        : window.toString();
  }

  public static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
