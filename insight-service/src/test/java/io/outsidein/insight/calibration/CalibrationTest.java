package io.outsidein.insight.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.outsidein.insight.calibration.Calibration.Count;
import io.outsidein.insight.scoring.ChurnRisk;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The verdict on HIGH against LOW, and the rows it comes with; no database needed. */
class CalibrationTest {
  private static final Duration WINDOW = Duration.ofDays(30);

  /** The 97.5% quantile of the standard normal distribution. */
  private static final double Z = 1.959963984540054;

  /** The Wilson score interval written out from its formula, apart from the library's. */
  static double[] wilson(int n, int k) {
    double p = (double) k / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new double[] {centre - half, centre + half};
  }

  private static Map<ChurnRisk, Count> segment(Count low, Count medium, Count high) {
    Map<ChurnRisk, Count> counts = new EnumMap<>(ChurnRisk.class);
    counts.put(ChurnRisk.LOW, low);
    counts.put(ChurnRisk.MEDIUM, medium);
    counts.put(ChurnRisk.HIGH, high);
    return counts;
  }

  private static Calibration of(Count low, Count high) {
    TreeMap<String, Map<ChurnRisk, Count>> bySegment = new TreeMap<>();
    bySegment.put("smb", segment(low, new Count(0, 0), high));
    return Calibration.of(WINDOW, bySegment);
  }

  @Test
  void givesEachSegmentItsThreeRiskLevelsFromLowToHighWithNoRateWithoutCustomers() {
    TreeMap<String, Map<ChurnRisk, Count>> bySegment = new TreeMap<>();
    bySegment.put("retail", Map.of(ChurnRisk.HIGH, new Count(4, 3)));
    bySegment.put("enterprise", segment(new Count(10, 2), new Count(0, 0), new Count(1, 1)));

    Calibration calibration = Calibration.of(WINDOW, bySegment);

    assertThat(calibration.rows())
        .extracting(r -> r.segment() + "/" + r.churnRisk())
        .containsExactly(
            "enterprise/LOW",
            "enterprise/MEDIUM",
            "enterprise/HIGH",
            "retail/LOW",
            "retail/MEDIUM",
            "retail/HIGH");
    Calibration.Row low = calibration.rows().get(0);
    assertThat(low.customers()).isEqualTo(10);
    assertThat(low.churned()).isEqualTo(2);
    assertThat(low.churnRate().rate()).isEqualTo(0.2);
    assertThat(low.churnRate().low()).isCloseTo(0.0567, within(0.0001));
    assertThat(low.churnRate().high()).isCloseTo(0.5098, within(0.0001));
    assertThat(low.churnRate().low()).isCloseTo(wilson(10, 2)[0], within(1e-9));
    assertThat(low.churnRate().high()).isCloseTo(wilson(10, 2)[1], within(1e-9));
    assertThat(calibration.rows().get(1).customers()).isZero();
    assertThat(calibration.rows().get(1).churnRate()).isNull();
    assertThat(calibration.rows().get(3).churnRate()).isNull();
    assertThat(calibration.rows().get(5).churnRate().rate()).isEqualTo(0.75);
    assertThat(calibration.window()).isEqualTo(WINDOW);
  }

  @Test
  void predictsWhenHighsIntervalLiesAboveLowsAndSaysSoInWords() {
    Calibration calibration = of(new Count(800, 24), new Count(90, 41));

    assertThat(calibration.predicts()).isTrue();
    double[] high = wilson(90, 41);
    double[] low = wilson(800, 24);
    assertThat(high[0]).isGreaterThan(low[1]);
    assertThat(calibration.detail())
        .isEqualTo("HIGH churned 45.6% (35.7-55.8%), LOW 3.0% (2.0-4.4%)")
        .contains(String.format(java.util.Locale.ROOT, "(%.1f-", high[0] * 100))
        .contains(String.format(java.util.Locale.ROOT, "-%.1f%%)", low[1] * 100));
  }

  @Test
  void predictsFromIntervalsApartEvenWithFewCustomers() {
    // 5 of 5 against 0 of 5: [0.5655, 1] lies above [0, 0.4345].
    assertThat(wilson(5, 5)[0]).isGreaterThan(wilson(5, 0)[1]);
    assertThat(of(new Count(5, 0), new Count(5, 5)).predicts()).isTrue();
  }

  @Test
  void poolsHighAndLowOverTheSegmentsSelected() {
    // Alone, 3 of 3 against 0 of 3 overlap; pooled, 6 of 6 against 0 of 6 do not.
    assertThat(wilson(3, 3)[0]).isLessThan(wilson(3, 0)[1]);
    assertThat(wilson(6, 6)[0]).isGreaterThan(wilson(6, 0)[1]);
    TreeMap<String, Map<ChurnRisk, Count>> bySegment = new TreeMap<>();
    bySegment.put("a", segment(new Count(3, 0), new Count(0, 0), new Count(3, 3)));
    bySegment.put("b", segment(new Count(3, 0), new Count(0, 0), new Count(3, 3)));

    Calibration pooled = Calibration.of(WINDOW, bySegment);

    assertThat(pooled.predicts()).isTrue();
    assertThat(pooled.detail())
        .startsWith("HIGH churned 100.0% (61.0-100.0%), LOW 0.0% (0.0-39.0%)");
    TreeMap<String, Map<ChurnRisk, Count>> one = new TreeMap<>();
    one.put("a", bySegment.get("a"));
    assertThat(Calibration.of(WINDOW, one).predicts()).isNull();
  }

  @Test
  void doesNotPredictWhenTwentyEachChurnAlike() {
    Calibration calibration = of(new Count(20, 5), new Count(20, 4));

    assertThat(calibration.predicts()).isFalse();
    assertThat(calibration.detail())
        .isEqualTo(
            "HIGH churned 20.0% (8.1-41.6%), LOW 25.0% (11.2-46.9%):"
                + " HIGH does not churn clearly more than LOW");
  }

  @Test
  void doesNotPredictWhenHighIsAboveLowButTheIntervalsOverlap() {
    assertThat(wilson(20, 8)[0]).isLessThan(wilson(20, 4)[1]);
    assertThat(of(new Count(20, 4), new Count(20, 8)).predicts()).isFalse();
  }

  @Test
  void doesNotPredictWhenHighChurnsClearlyLessThanLow() {
    assertThat(of(new Count(30, 30), new Count(30, 0)).predicts()).isFalse();
    // Apart the wrong way round with few customers: still too few to say.
    assertThat(of(new Count(5, 5), new Count(5, 0)).predicts()).isNull();
  }

  @Test
  void saysTooFewBelowTwentyCustomersOnEitherSide() {
    Calibration calibration = of(new Count(20, 4), new Count(19, 8));

    assertThat(calibration.predicts()).isNull();
    assertThat(calibration.detail())
        .isEqualTo("too few closed windows to say: HIGH 19, LOW 20 customers");
    assertThat(Calibration.of(WINDOW, new TreeMap<>()).detail())
        .isEqualTo("too few closed windows to say: HIGH 0, LOW 0 customers");
    assertThat(Calibration.of(WINDOW, new TreeMap<>()).rows()).isEmpty();
  }
}
