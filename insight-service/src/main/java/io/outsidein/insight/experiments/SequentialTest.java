package io.outsidein.insight.experiments;

/**
 * The mixture sequential probability ratio test (mSPRT) of a difference between two arms, as in
 * Johari, Koomen, Pekelis and Walsh, "Always Valid Inference: Continuous Monitoring of A/B Tests"
 * (Operations Research, 2022). With the difference's estimate {@code d} and its variance {@code v},
 * and a normal mixture of variance {@code tau^2} over the true difference, the likelihood ratio of
 * "some difference" to "none" is
 *
 * <pre>  L = sqrt(v / (v + tau^2)) * exp(d^2 tau^2 / (2 v (v + tau^2)))</pre>
 *
 * By Ville's inequality, under no difference L reaches 1/alpha at any time with probability at most
 * alpha, so {@code p = min(1, 1/L)} and the interval of differences with L below 1/alpha stay valid
 * however often they are read: an analyst who looks daily and stops on a good day still errs at
 * most 5% of the time. A fixed-horizon z or t test read daily would err far more often.
 */
public final class SequentialTest {
  static final double ALPHA = 0.05;

  private SequentialTest() {}

  /** The difference with its always-valid interval and p-value. */
  public record Result(double difference, double low, double high, double pValue) {}

  /**
   * @param difference the estimate of (arm - control)
   * @param variance its variance (the sum of the two arms' squared standard errors), above 0
   * @param tau the mixture's standard deviation: the size of difference worth finding
   */
  public static Result of(double difference, double variance, double tau) {
    if (!(variance > 0) || !(tau > 0)) {
      throw new IllegalArgumentException("variance and tau must be positive");
    }
    double t2 = tau * tau;
    double logRatio =
        0.5 * Math.log(variance / (variance + t2))
            + difference * difference * t2 / (2 * variance * (variance + t2));
    double pValue = Math.min(1, Math.exp(-logRatio));
    double half =
        Math.sqrt(
            variance
                * (variance + t2)
                / t2
                * (2 * Math.log(1 / ALPHA) + Math.log((variance + t2) / variance)));
    return new Result(difference, difference - half, difference + half, pValue);
  }
}
