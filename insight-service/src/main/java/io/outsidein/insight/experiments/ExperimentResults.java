package io.outsidein.insight.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.experiments.ExperimentRequests.Arm;
import io.outsidein.insight.experiments.ExperimentRequests.Outcome;
import io.outsidein.insight.outcomes.Intervals;
import io.outsidein.insight.outcomes.WireFigures;
import io.outsidein.insight.service.SetStatements;
import io.outsidein.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the customers of each arm did over their outcome windows, each treatment arm against the
 * control, overall and per segment, with a verdict that stays fair however often it is read (see
 * {@link SequentialTest}).
 */
@ApplicationScoped
public class ExperimentResults {
  /** The difference worth finding in a share: ten percentage points. */
  static final double TAU_SHARE = 0.10;

  /** The difference worth finding in a mean health change: five points of 100. */
  static final double TAU_HEALTH = 5.0;

  /** What the results say of one arm against the control. */
  public enum Verdict {
    NOT_ENOUGH_DATA,
    NO_DIFFERENCE,
    BETTER,
    WORSE
  }

  /** A figure with its 95% interval (null bounds where none can be given). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Estimate(double value, Double low, Double high) {}

  /** The customers of one arm; the estimate is over the closed windows, null without any. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ArmResult(
      String name, int customers, int following, int outcomes, Estimate estimate) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Comparison(
      String arm, String control, Estimate difference, Double pValue, Verdict verdict) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record SegmentResults(
      String segment, List<ArmResult> arms, List<Comparison> comparisons) {}

  public record Results(
      Experiment experiment,
      Outcome outcome,
      Duration window,
      int minimumPerArm,
      List<ArmResult> arms,
      List<Comparison> comparisons,
      Verdict verdict,
      List<SegmentResults> segments) {}

  /** One arm's figures, as counted by the database. */
  record Tally(
      int customers,
      int following,
      int outcomes,
      int retained,
      int complained,
      int measured,
      double mean,
      double sd) {
    static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0);

    Tally plus(Tally o) {
      // Two status groups never both carry outcomes (only CLOSED rows do), so sums suffice.
      return new Tally(
          customers + o.customers,
          following + o.following,
          outcomes + o.outcomes,
          retained + o.retained,
          complained + o.complained,
          measured + o.measured,
          measured > 0 ? mean : o.mean,
          measured > 0 ? sd : o.sd);
    }
  }

  private final ExperimentService experiments;
  private final EntityManager entityManager;
  private final InsightConfig config;

  ExperimentResults(
      ExperimentService experiments, EntityManager entityManager, InsightConfig config) {
    this.experiments = experiments;
    this.entityManager = entityManager;
    this.config = config;
  }

  @Transactional
  public Results of(UUID id) {
    Experiment experiment =
        experiments.find(id).orElseThrow(() -> ProblemException.notFound("experiment", id));
    List<Arm> arms = experiments.arms(experiment);
    Outcome outcome = Outcome.valueOf(experiment.outcome);
    Map<String, Map<String, Tally>> bySegment = tallies(id);
    Map<String, Tally> overall = bySegment.getOrDefault(ALL, Map.of());
    int minimum = config.experiment().minimumPerArm();
    List<Comparison> comparisons = compare(arms, overall, outcome, minimum);
    List<SegmentResults> segments = new ArrayList<>();
    bySegment.forEach(
        (segment, tallies) -> {
          if (!segment.equals(ALL)) {
            segments.add(
                new SegmentResults(
                    segment,
                    armResults(arms, tallies, outcome),
                    compare(arms, tallies, outcome, minimum)));
          }
        });
    return new Results(
        experiment,
        outcome,
        config.outcome().window(),
        minimum,
        armResults(arms, overall, outcome),
        comparisons,
        overall(comparisons),
        segments);
  }

  /** WORSE if any arm is, else BETTER if any is, else NO_DIFFERENCE if every one says so. */
  static Verdict overall(List<Comparison> comparisons) {
    if (comparisons.stream().anyMatch(c -> c.verdict() == Verdict.WORSE)) {
      return Verdict.WORSE;
    }
    if (comparisons.stream().anyMatch(c -> c.verdict() == Verdict.BETTER)) {
      return Verdict.BETTER;
    }
    return !comparisons.isEmpty()
            && comparisons.stream().allMatch(c -> c.verdict() == Verdict.NO_DIFFERENCE)
        ? Verdict.NO_DIFFERENCE
        : Verdict.NOT_ENOUGH_DATA;
  }

  /** The control: the first arm without a treatment, else the first arm. */
  static Arm control(List<Arm> arms) {
    return arms.stream()
        .filter(
            arm ->
                arm.treatment() == null
                    || (arm.treatment().action() == null && arm.treatment().latitude() == null))
        .findFirst()
        .orElse(arms.get(0));
  }

  private static List<ArmResult> armResults(
      List<Arm> arms, Map<String, Tally> tallies, Outcome outcome) {
    return arms.stream()
        .map(
            arm -> {
              Tally t = tallies.getOrDefault(arm.name(), Tally.NONE);
              return new ArmResult(
                  arm.name(), t.customers(), t.following(), t.outcomes(), estimate(t, outcome));
            })
        .toList();
  }

  static List<Comparison> compare(
      List<Arm> arms, Map<String, Tally> tallies, Outcome outcome, int minimum) {
    Arm control = control(arms);
    Tally c = tallies.getOrDefault(control.name(), Tally.NONE);
    List<Comparison> comparisons = new ArrayList<>();
    for (Arm arm : arms) {
      if (arm != control) {
        comparisons.add(
            compare(
                arm.name(),
                control.name(),
                tallies.getOrDefault(arm.name(), Tally.NONE),
                c,
                outcome,
                minimum));
      }
    }
    return comparisons;
  }

  static Comparison compare(
      String arm, String control, Tally t, Tally c, Outcome outcome, int minimum) {
    SequentialTest.Result test = test(t, c, outcome);
    if (test == null) {
      return new Comparison(arm, control, null, null, Verdict.NOT_ENOUGH_DATA);
    }
    Verdict verdict;
    if (t.outcomes() < minimum || c.outcomes() < minimum) {
      verdict = Verdict.NOT_ENOUGH_DATA;
    } else if (test.low() > 0) {
      verdict = outcome == Outcome.NEW_COMPLAINT ? Verdict.WORSE : Verdict.BETTER;
    } else if (test.high() < 0) {
      verdict = outcome == Outcome.NEW_COMPLAINT ? Verdict.BETTER : Verdict.WORSE;
    } else {
      verdict = Verdict.NO_DIFFERENCE;
    }
    return new Comparison(
        arm,
        control,
        new Estimate(
            WireFigures.round(test.difference(), 4),
            WireFigures.round(test.low(), 4),
            WireFigures.round(test.high(), 4)),
        WireFigures.round(test.pValue(), 4),
        verdict);
  }

  /**
   * The mSPRT of the arm against the control; null until both have an outcome (two measured health
   * changes each for a mean). A share's variance uses the Agresti-Caffo adjustment (one success and
   * one failure added to each arm), which keeps it above zero when an arm's share is 0 or 1.
   */
  static SequentialTest.Result test(Tally t, Tally c, Outcome outcome) {
    if (outcome == Outcome.HEALTH_CHANGE) {
      if (t.measured() < 2 || c.measured() < 2) {
        return null;
      }
      double variance = t.sd() * t.sd() / t.measured() + c.sd() * c.sd() / c.measured();
      // Identical changes in both arms leave no spread; a floor keeps the test defined.
      return SequentialTest.of(t.mean() - c.mean(), Math.max(variance, 1e-9), TAU_HEALTH);
    }
    if (t.outcomes() == 0 || c.outcomes() == 0) {
      return null;
    }
    int x = successes(t, outcome);
    int y = successes(c, outcome);
    double pt = (x + 1.0) / (t.outcomes() + 2);
    double pc = (y + 1.0) / (c.outcomes() + 2);
    double variance = pt * (1 - pt) / (t.outcomes() + 2) + pc * (1 - pc) / (c.outcomes() + 2);
    SequentialTest.Result adjusted = SequentialTest.of(pt - pc, variance, TAU_SHARE);
    double observed = (double) x / t.outcomes() - (double) y / c.outcomes();
    return new SequentialTest.Result(observed, adjusted.low(), adjusted.high(), adjusted.pValue());
  }

  private static int successes(Tally t, Outcome outcome) {
    return outcome == Outcome.NEW_COMPLAINT ? t.complained() : t.retained();
  }

  static Estimate estimate(Tally t, Outcome outcome) {
    if (outcome == Outcome.HEALTH_CHANGE) {
      Intervals.Mean m = Intervals.mean(t.measured(), t.mean(), t.sd());
      return m == null
          ? null
          : new Estimate(
              WireFigures.round(m.mean(), 2),
              m.low() == null ? null : WireFigures.round(m.low(), 2),
              m.high() == null ? null : WireFigures.round(m.high(), 2));
    }
    Intervals.Proportion p = Intervals.wilson(t.outcomes(), successes(t, outcome));
    return p == null
        ? null
        : new Estimate(
            WireFigures.round(p.rate(), 4),
            WireFigures.round(p.low(), 4),
            WireFigures.round(p.high(), 4));
  }

  private static final String ALL = "";

  /** Per segment ("" for all) and arm, the enrolled customers' figures. */
  private Map<String, Map<String, Tally>> tallies(UUID experimentId) {
    return SetStatements.run(
        entityManager,
        connection -> {
          Map<String, Map<String, Tally>> result = new TreeMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT coalesce(segment, '') AS segment, arm, status, count(*) AS n,"
                      + " count(*) FILTER (WHERE retained) AS retained,"
                      + " count(*) FILTER (WHERE new_complaint) AS complained,"
                      + " count(health_after - health_before) AS measured,"
                      + " coalesce(avg(health_after - health_before), 0) AS mean,"
                      + " coalesce(stddev_samp(health_after - health_before), 0) AS sd"
                      + " FROM outcome_follow WHERE kind = 'ENROLLED' AND action_id = ?"
                      + " GROUP BY GROUPING SETS ((arm, status), (segment, arm, status))")) {
            select.setObject(1, experimentId);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                add(result, rows);
              }
            }
          }
          return result;
        });
  }

  private static void add(Map<String, Map<String, Tally>> result, ResultSet rows)
      throws SQLException {
    int n = rows.getInt("n");
    boolean following = "FOLLOWING".equals(rows.getString("status"));
    Tally tally =
        following
            ? new Tally(n, n, 0, 0, 0, 0, 0, 0)
            : new Tally(
                n,
                0,
                n,
                rows.getInt("retained"),
                rows.getInt("complained"),
                rows.getInt("measured"),
                rows.getDouble("mean"),
                rows.getDouble("sd"));
    result
        .computeIfAbsent(rows.getString("segment"), s -> new HashMap<>())
        .merge(rows.getString("arm"), tally, Tally::plus);
  }
}
