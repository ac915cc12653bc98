package io.outsidein.insight.outcomes;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/** 95% intervals of the outcome figures, computed by Apache Commons Math. */
public final class Intervals {
  static final double LEVEL = 0.95;

  private Intervals() {}

  /** A share with its interval. */
  public record Proportion(double rate, double low, double high) {}

  /** A mean with its interval; no bounds below two measurements. */
  public record Mean(int measured, double mean, Double low, Double high) {}

  /**
   * {@code successes} of {@code trials} with its 95% Wilson score interval, which stays inside [0,
   * 1] and keeps its coverage with small samples and rates near 0 or 1, where the normal
   * approximation does not; null without trials.
   */
  public static Proportion wilson(int trials, int successes) {
    if (trials == 0) {
      return null;
    }
    ConfidenceInterval interval =
        new WilsonScoreInterval().createInterval(trials, successes, LEVEL);
    return new Proportion(
        (double) successes / trials, interval.getLowerBound(), interval.getUpperBound());
  }

  /**
   * A mean of {@code measured} values with standard deviation {@code sd} (the sample's, n - 1) and
   * its 95% Student's t interval; null when nothing was measured.
   */
  public static Mean mean(int measured, double mean, double sd) {
    if (measured == 0) {
      return null;
    }
    if (measured == 1) {
      return new Mean(1, mean, null, null);
    }
    double t = new TDistribution(measured - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    double half = t * sd / Math.sqrt(measured);
    return new Mean(measured, mean, mean - half, mean + half);
  }
}
