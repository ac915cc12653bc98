package io.outsidein.insight.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SequentialTestTest {

  @Test
  void matchesTheMixtureLikelihoodRatioWorkedByHand() {
    // d = 0.2, v = 0.01, tau = 0.1: L = sqrt(0.5) * exp(0.04 * 0.01 / (2 * 0.01 * 0.02)) = e / sqrt
    // 2
    SequentialTest.Result r = SequentialTest.of(0.2, 0.01, 0.1);
    assertThat(r.pValue()).isCloseTo(Math.sqrt(2) / Math.E, within(1e-12));
    // half = sqrt(0.01 * 0.02 / 0.01 * (2 ln 20 + ln 2))
    double half = Math.sqrt(0.02 * (2 * Math.log(20) + Math.log(2)));
    assertThat(r.low()).isCloseTo(0.2 - half, within(1e-12));
    assertThat(r.high()).isCloseTo(0.2 + half, within(1e-12));
  }

  @Test
  void noDifferenceHasPValueOneAndAnIntervalAroundZero() {
    SequentialTest.Result r = SequentialTest.of(0, 0.001, 0.1);
    assertThat(r.pValue()).isEqualTo(1.0);
    assertThat(r.low()).isNegative();
    assertThat(r.high()).isPositive();
  }

  /**
   * The reason for the test: 2,000 A/A experiments (both arms retain 50%) read after every 10
   * customers per arm up to 500, stopping at the first "significant" look. The always-valid
   * interval excludes zero in at most 5% of them; a fixed-horizon z test read the same way does far
   * more often.
   */
  @Test
  void staysFairWhenReadAfterEveryTenCustomers() {
    Random random = new Random(20261207L);
    int experiments = 2_000;
    int sequentialFalse = 0;
    int naiveFalse = 0;
    for (int e = 0; e < experiments; e++) {
      int xa = 0;
      int xb = 0;
      boolean sequentialStopped = false;
      boolean naiveStopped = false;
      for (int n = 1; n <= 500; n++) {
        xa += random.nextBoolean() ? 1 : 0;
        xb += random.nextBoolean() ? 1 : 0;
        if (n % 10 != 0) {
          continue;
        }
        ExperimentResults.Tally a = new ExperimentResults.Tally(n, 0, n, xa, 0, 0, 0, 0);
        ExperimentResults.Tally b = new ExperimentResults.Tally(n, 0, n, xb, 0, 0, 0, 0);
        SequentialTest.Result r = ExperimentResults.test(a, b, ExperimentRequests.Outcome.RETAINED);
        if (!sequentialStopped && (r.low() > 0 || r.high() < 0)) {
          sequentialStopped = true;
        }
        double pa = (double) xa / n;
        double pb = (double) xb / n;
        double se = Math.sqrt(pa * (1 - pa) / n + pb * (1 - pb) / n);
        if (!naiveStopped && se > 0 && Math.abs(pa - pb) / se > 1.96) {
          naiveStopped = true;
        }
      }
      sequentialFalse += sequentialStopped ? 1 : 0;
      naiveFalse += naiveStopped ? 1 : 0;
    }
    assertThat(sequentialFalse).isLessThanOrEqualTo(experiments * 5 / 100);
    assertThat(naiveFalse).isGreaterThan(experiments * 15 / 100);
  }

  @Test
  void findsAPlantedDifference() {
    ExperimentResults.Tally treated = new ExperimentResults.Tally(100, 0, 100, 75, 0, 0, 0, 0);
    ExperimentResults.Tally control = new ExperimentResults.Tally(100, 0, 100, 45, 0, 0, 0, 0);
    ExperimentResults.Comparison c =
        ExperimentResults.compare(
            "callBack", "control", treated, control, ExperimentRequests.Outcome.RETAINED, 20);
    assertThat(c.difference().value()).isCloseTo(0.30, within(1e-9));
    assertThat(c.difference().low()).isPositive();
    assertThat(c.verdict()).isEqualTo(ExperimentResults.Verdict.BETTER);
    // Fewer complaints are better: the same figures as complaints are WORSE.
    ExperimentResults.Tally complaints = new ExperimentResults.Tally(100, 0, 100, 0, 75, 0, 0, 0);
    ExperimentResults.Tally fewer = new ExperimentResults.Tally(100, 0, 100, 0, 45, 0, 0, 0);
    assertThat(
            ExperimentResults.compare(
                    "a", "control", complaints, fewer, ExperimentRequests.Outcome.NEW_COMPLAINT, 20)
                .verdict())
        .isEqualTo(ExperimentResults.Verdict.WORSE);
    // Below the minimum per arm, no verdict however large the difference.
    ExperimentResults.Tally small = new ExperimentResults.Tally(19, 0, 19, 19, 0, 0, 0, 0);
    ExperimentResults.Tally none = new ExperimentResults.Tally(19, 0, 19, 0, 0, 0, 0, 0);
    assertThat(
            ExperimentResults.compare(
                    "a", "control", small, none, ExperimentRequests.Outcome.RETAINED, 20)
                .verdict())
        .isEqualTo(ExperimentResults.Verdict.NOT_ENOUGH_DATA);
  }
}
