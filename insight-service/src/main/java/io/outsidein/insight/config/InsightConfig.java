package io.outsidein.insight.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** The insight model: its weights, thresholds and schedule, under {@code outsidein.insight}. */
@ConfigMapping(prefix = "outsidein.insight")
public interface InsightConfig {

  /** {@code outsidein.insight.reevaluate-every}: how often time alone re-scores every customer. */
  @WithDefault("PT60S")
  Duration reevaluateEvery();

  /** {@code outsidein.insight.weights.*}: health points each reason takes away. */
  Weights weights();

  /** {@code outsidein.insight.thresholds.*}: when a reason applies. */
  Thresholds thresholds();

  /** {@code outsidein.insight.silence.*}: how silent churn is detected. */
  Silence silence();

  /** {@code outsidein.insight.risk.*}: how health maps to churn risk. */
  Risk risk();

  /** {@code outsidein.insight.outcome.*}: how each action taken is followed to its outcome. */
  Outcome outcome();

  /** {@code outsidein.insight.experiment.*}: who takes part in experiments and when to judge. */
  Experiment experiment();

  /** {@code outsidein.insight.calibration.*}: how the churn score's predictions are checked. */
  Calibration calibration();

  /** {@code outsidein.insight.gesture-latitude}: what a front-line agent may grant unasked. */
  @WithDefault("25.00")
  BigDecimal gestureLatitude();

  /** Health points lost per reason. */
  interface Weights {
    /** {@code outsidein.insight.weights.unresolved-complaint}: per unresolved complaint. */
    @WithDefault("20")
    int unresolvedComplaint();

    /** {@code outsidein.insight.weights.max-unresolved-complaints}: cap over all complaints. */
    @WithDefault("35")
    int maxUnresolvedComplaints();

    /** {@code outsidein.insight.weights.many-handoffs}: per case passed around too often. */
    @WithDefault("15")
    int manyHandoffs();

    /** {@code outsidein.insight.weights.max-many-handoffs}: cap over all bouncing cases. */
    @WithDefault("25")
    int maxManyHandoffs();

    /** {@code outsidein.insight.weights.low-rating}: the latest rating is low. */
    @WithDefault("15")
    int lowRating();

    /** {@code outsidein.insight.weights.negative-sentiment}: recent sentiment is negative. */
    @WithDefault("10")
    int negativeSentiment();

    /** {@code outsidein.insight.weights.slow-resolution}: cases take long to resolve. */
    @WithDefault("5")
    int slowResolution();

    /** {@code outsidein.insight.weights.high-effort}: many contacts per case. */
    @WithDefault("5")
    int highEffort();

    /** {@code outsidein.insight.weights.activity-drop}: silent well beyond the usual rhythm. */
    @WithDefault("25")
    int activityDrop();

    /** {@code outsidein.insight.weights.silent-after-bad-experience}: silent after a bad one. */
    @WithDefault("40")
    int silentAfterBadExperience();
  }

  /** When reasons apply. */
  interface Thresholds {
    /** {@code outsidein.insight.thresholds.many-handoffs}: handoffs that make a case bounce. */
    @WithDefault("2")
    int manyHandoffs();

    /** {@code outsidein.insight.thresholds.low-csat}: a CSAT score at or below this is low. */
    @WithDefault("2")
    int lowCsat();

    /** {@code outsidein.insight.thresholds.low-nps}: an NPS score at or below this is low. */
    @WithDefault("6")
    int lowNps();

    /** {@code outsidein.insight.thresholds.promoter-nps}: an NPS score from this is a promoter. */
    @WithDefault("9")
    int promoterNps();

    /** {@code outsidein.insight.thresholds.negative-sentiment}: average below this is negative. */
    @WithDefault("-0.3")
    double negativeSentiment();

    /** {@code outsidein.insight.thresholds.sentiment-window}: latest interactions averaged. */
    @WithDefault("5")
    int sentimentWindow();

    /** {@code outsidein.insight.thresholds.recent}: how long a case-less complaint stays open. */
    @WithDefault("P30D")
    Duration recent();

    /** {@code outsidein.insight.thresholds.slow-resolution-hours}: slow average resolution. */
    @WithDefault("72")
    double slowResolutionHours();

    /** {@code outsidein.insight.thresholds.high-effort-contacts}: many contacts per case. */
    @WithDefault("4")
    double highEffortContacts();

    /** {@code outsidein.insight.thresholds.bad-experience-lookback}: latest touches checked. */
    @WithDefault("3")
    int badExperienceLookback();
  }

  /** Silent churn. */
  interface Silence {
    /** {@code outsidein.insight.silence.factor}: silence beyond this many rhythms is a drop. */
    @WithDefault("3")
    double factor();

    /** {@code outsidein.insight.silence.min-active-days}: active days needed for a rhythm. */
    @WithDefault("3")
    int minActiveDays();

    /** {@code outsidein.insight.silence.default-rhythm}: the rhythm assumed without history. */
    @WithDefault("P30D")
    Duration defaultRhythm();

    /** {@code outsidein.insight.silence.minimum}: silence shorter than this is never a drop. */
    @WithDefault("P7D")
    Duration minimum();
  }

  /** Risk levels. */
  interface Risk {
    /** {@code outsidein.insight.risk.high-below}: health below this is HIGH risk. */
    @WithDefault("50")
    int highBelow();

    /** {@code outsidein.insight.risk.medium-below}: health below this is MEDIUM risk. */
    @WithDefault("85")
    int mediumBelow();
  }

  /** How actions taken are followed, and against whom they are compared. */
  interface Outcome {
    /**
     * {@code outsidein.insight.outcome.window}: how long a customer is followed after an action.
     */
    @WithDefault("P30D")
    Duration window();

    /** {@code outsidein.insight.outcome.check-every}: how often windows that ended are closed. */
    @WithDefault("PT60S")
    Duration checkEvery();

    /**
     * {@code outsidein.insight.outcome.comparisons-per-action}: customers of the same segment and
     * risk, not acted on, followed beside each action.
     */
    @WithDefault("3")
    int comparisonsPerAction();
  }

  /** Experiments: enrolment and the results' verdict. */
  interface Experiment {
    /**
     * {@code outsidein.insight.experiment.enrol-every}: how often customers who match a running
     * experiment's population are enrolled.
     */
    @WithDefault("PT60S")
    Duration enrolEvery();

    /**
     * {@code outsidein.insight.experiment.minimum-per-arm}: closed outcomes each arm needs before
     * the results give a verdict (see README, "Experiments").
     */
    @WithDefault("20")
    int minimumPerArm();
  }

  /** Whether the churn risk predicts who then churns. */
  interface Calibration {
    /**
     * {@code outsidein.insight.calibration.check-every}: how often customers are noted and ended
     * notes closed.
     */
    @WithDefault("PT60S")
    Duration checkEvery();
  }
}
