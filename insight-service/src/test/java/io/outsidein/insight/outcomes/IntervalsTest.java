package io.outsidein.insight.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalsTest {

  /**
   * Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
   * methods", Statistics in Medicine 17 (1998), Table II, method 3 (Wilson score, no continuity
   * correction), to the four decimals published.
   */
  @ParameterizedTest(name = "{1} of {0}: {2} to {3}")
  @CsvSource({
    "263, 81, 0.2553, 0.3662",
    "148, 15, 0.0624, 0.1605",
    "20, 0, 0.0000, 0.1611",
    "29, 1, 0.0061, 0.1718"
  })
  void wilsonIntervalsMatchNewcombesPublishedValues(
      int trials, int successes, double low, double high) {
    Intervals.Proportion p = Intervals.wilson(trials, successes);
    assertThat(p.rate()).isEqualTo((double) successes / trials);
    assertThat(p.low()).isCloseTo(low, within(0.00005));
    assertThat(p.high()).isCloseTo(high, within(0.00005));
  }

  @Test
  void aRateWithoutTrialsHasNoInterval() {
    assertThat(Intervals.wilson(0, 0)).isNull();
  }

  /**
   * 1, 2, ..., 10: mean 5.5, sample standard deviation 3.02765; Student's t for 9 degrees of
   * freedom at 0.975 is 2.2622 (any t table), so the half-width is 2.2622 x 3.02765 / sqrt(10).
   */
  @Test
  void aMeanIntervalUsesStudentsT() {
    Intervals.Mean m = Intervals.mean(10, 5.5, 3.0276503540974917);
    assertThat(m.measured()).isEqualTo(10);
    assertThat(m.low()).isCloseTo(5.5 - 2.2622 * 3.02765 / Math.sqrt(10), within(0.001));
    assertThat(m.high()).isCloseTo(5.5 + 2.2622 * 3.02765 / Math.sqrt(10), within(0.001));
    assertThat(m.low()).isCloseTo(3.3341, within(0.0005));
  }

  @Test
  void oneMeasurementHasAMeanButNoIntervalAndNoneHasNothing() {
    Intervals.Mean one = Intervals.mean(1, -25, 0);
    assertThat(one.mean()).isEqualTo(-25);
    assertThat(one.low()).isNull();
    assertThat(one.high()).isNull();
    assertThat(Intervals.mean(0, 0, 0)).isNull();
  }
}
