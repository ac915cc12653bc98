package io.outsidein.insight.scoring;

import io.outsidein.events.interaction.ActionCode;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.scoring.CustomerHistory.CaseRecord;
import io.outsidein.insight.scoring.CustomerHistory.Touch;
import io.outsidein.insight.scoring.Insight.Action;
import io.outsidein.insight.scoring.Insight.Metrics;
import io.outsidein.insight.scoring.Insight.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Scores a customer's history: health starts at 100 and every point lost is a {@link Reason}; pure,
 * so it runs the same in the service, in a rebuild and in a plain unit test.
 */
public final class InsightScorer {
  /** The reason of a customer silent well beyond their own rhythm. */
  public static final String ACTIVITY_DROP = "ACTIVITY_DROP";

  /** The same, when the last experience was bad. */
  public static final String SILENT_AFTER_BAD_EXPERIENCE = "SILENT_AFTER_BAD_EXPERIENCE";

  private final InsightConfig config;
  private final Clock clock;

  public InsightScorer(InsightConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public Insight score(CustomerHistory history) {
    Instant now = clock.instant();
    InsightConfig.Thresholds limits = config.thresholds();
    Metrics metrics =
        Figures.metrics(
            history,
            now,
            new Figures.FiguresConfig(
                limits.promoterNps(),
                limits.lowNps(),
                limits.sentimentWindow(),
                config.silence().minActiveDays()));
    List<Reason> reasons = new ArrayList<>();
    List<Action> actions = new ArrayList<>();

    List<String> unresolved = unresolvedComplaints(history, now);
    if (!unresolved.isEmpty()) {
      int points =
          Math.min(
              unresolved.size() * config.weights().unresolvedComplaint(),
              config.weights().maxUnresolvedComplaints());
      reasons.add(
          new Reason(
              "UNRESOLVED_COMPLAINT", "unresolved: " + String.join("; ", unresolved), points));
      if (!gestureOfferedSince(history, now.minus(limits.recent()))) {
        actions.add(
            new Action(
                ActionCode.GOODWILL_GESTURE.name(),
                "offer a goodwill gesture up to "
                    + config.gestureLatitude()
                    + ", within the front-line latitude: no approval needed"));
      }
    }

    List<CaseRecord> bouncing =
        history.cases().stream().filter(c -> c.handoffs() >= limits.manyHandoffs()).toList();
    if (!bouncing.isEmpty()) {
      int points =
          Math.min(
              bouncing.size() * config.weights().manyHandoffs(),
              config.weights().maxManyHandoffs());
      String detail =
          bouncing.stream()
              .map(c -> "case " + c.caseId() + " went " + path(c.path()))
              .collect(Collectors.joining("; "));
      reasons.add(new Reason("MANY_HANDOFFS", detail, points));
      bouncing.stream()
          .filter(CaseRecord::open)
          .forEach(
              c ->
                  actions.add(
                      new Action(
                          ActionCode.ASSIGN_SINGLE_OWNER.name(),
                          "case "
                              + c.caseId()
                              + " has bounced "
                              + path(c.path())
                              + ": give it one owner until it is resolved")));
    }

    Optional<Touch> latestRating = Figures.ratings(history, null).stream().reduce((a, b) -> b);
    latestRating
        .filter(this::isLow)
        .ifPresent(
            t ->
                reasons.add(
                    new Reason(
                        "LOW_RATING",
                        "latest rating "
                            + t.rating().scale()
                            + " "
                            + t.rating().score()
                            + " on "
                            + t.occurredAt(),
                        config.weights().lowRating())));

    Double sentiment = metrics.sentiment().average();
    if (sentiment != null && sentiment < limits.negativeSentiment()) {
      reasons.add(
          new Reason(
              "NEGATIVE_SENTIMENT",
              "average sentiment of the latest interactions is " + sentiment,
              config.weights().negativeSentiment()));
    }
    if (metrics.resolutionHours() != null
        && metrics.resolutionHours() > limits.slowResolutionHours()) {
      reasons.add(
          new Reason(
              "SLOW_RESOLUTION",
              "cases take " + metrics.resolutionHours() + " hours to resolve on average",
              config.weights().slowResolution()));
    }
    if (metrics.contactsPerCase() != null
        && metrics.contactsPerCase() >= limits.highEffortContacts()) {
      reasons.add(
          new Reason(
              "HIGH_EFFORT",
              "the customer needed " + metrics.contactsPerCase() + " contacts per case",
              config.weights().highEffort()));
    }

    boolean silentAfterBad = silence(history, metrics, now, reasons, actions);
    feedbackAndThanks(history, latestRating, actions);

    int lost = reasons.stream().mapToInt(Reason::points).sum();
    int health = Math.max(0, 100 - lost);
    return new Insight(
        history.customerId(),
        history.segment(),
        health,
        risk(health, silentAfterBad),
        List.copyOf(reasons),
        List.copyOf(actions),
        metrics,
        now);
  }

  private ChurnRisk risk(int health, boolean silentAfterBad) {
    if (silentAfterBad || health < config.risk().highBelow()) {
      return ChurnRisk.HIGH;
    }
    return health < config.risk().mediumBelow() ? ChurnRisk.MEDIUM : ChurnRisk.LOW;
  }

  /** Adds the silence reason when the customer is quiet well beyond their own rhythm. */
  private boolean silence(
      CustomerHistory history,
      Metrics metrics,
      Instant now,
      List<Reason> reasons,
      List<Action> actions) {
    if (metrics.lastInteractionAt() == null) {
      return false;
    }
    InsightConfig.Silence silence = config.silence();
    Duration rhythm = rhythm(metrics);
    Duration allowed = allowedSilence(metrics);
    Duration quiet = Duration.between(metrics.lastInteractionAt(), now);
    if (quiet.compareTo(allowed) <= 0) {
      return false;
    }
    String detail =
        "no interaction for "
            + quiet.toDays()
            + " days, usually every "
            + (metrics.rhythmDays() == null
                ? rhythm.toDays() + " days (assumed)"
                : metrics.rhythmDays() + " days");
    boolean bad = lastExperienceWasBad(history);
    if (bad) {
      reasons.add(
          new Reason(
              SILENT_AFTER_BAD_EXPERIENCE,
              detail + ", and the last experience was bad",
              config.weights().silentAfterBadExperience()));
    } else {
      reasons.add(new Reason(ACTIVITY_DROP, detail, config.weights().activityDrop()));
    }
    actions.add(
        new Action(
            ActionCode.PROACTIVE_OUTREACH.name(),
            "reach out before they leave: silent for " + quiet.toDays() + " days"));
    return bad;
  }

  private Duration rhythm(Metrics metrics) {
    return metrics.rhythmDays() == null
        ? config.silence().defaultRhythm()
        : Duration.ofMinutes(Math.round(metrics.rhythmDays() * 24 * 60));
  }

  /** How long the customer may be quiet before it counts as a drop in activity. */
  private Duration allowedSilence(Metrics metrics) {
    InsightConfig.Silence silence = config.silence();
    Duration allowed =
        Duration.ofMinutes(Math.round(rhythm(metrics).toMinutes() * silence.factor()));
    return allowed.compareTo(silence.minimum()) < 0 ? silence.minimum() : allowed;
  }

  /**
   * When time alone could next change this insight: the customer's silence crossing its threshold,
   * a case-less complaint or a gesture leaving the recent window; at the latest a day after it was
   * computed, for the days-since figure.
   */
  public Instant nextChange(CustomerHistory history, Insight insight) {
    Instant now = insight.computedAt();
    Duration recent = config.thresholds().recent();
    List<Instant> changes = new ArrayList<>();
    changes.add(now.plus(Duration.ofDays(1)));
    Instant last = insight.metrics().lastInteractionAt();
    if (last != null) {
      changes.add(last.plus(allowedSilence(insight.metrics())).plusMillis(1));
    }
    history.touches().stream()
        .filter(t -> t.caseId() == null && t.isComplaint())
        .forEach(t -> changes.add(t.occurredAt().plus(recent)));
    history.gestures().stream()
        .filter(g -> g.status() != GestureStatus.REJECTED)
        .forEach(g -> changes.add(g.grantedAt().plus(recent)));
    return changes.stream()
        .filter(t -> t.isAfter(now))
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  private void feedbackAndThanks(
      CustomerHistory history, Optional<Touch> latestRating, List<Action> actions) {
    history.cases().stream()
        .filter(c -> !c.open())
        .max(Comparator.comparing(CaseRecord::resolvedAt))
        .filter(c -> !ratedAfter(history, c))
        .ifPresent(
            c ->
                actions.add(
                    new Action(
                        ActionCode.ASK_FOR_FEEDBACK.name(),
                        "case " + c.caseId() + " was resolved without a rating: ask how it went")));
    latestRating
        .filter(t -> t.rating().scale() == Rating.Scale.NPS)
        .filter(t -> t.rating().score() >= config.thresholds().promoterNps())
        .ifPresent(
            t ->
                actions.add(
                    new Action(
                        ActionCode.THANK_PROMOTER.name(),
                        "NPS "
                            + t.rating().score()
                            + ": thank them, and invite a review or a referral")));
  }

  private static boolean ratedAfter(CustomerHistory history, CaseRecord c) {
    return history.touches().stream()
        .filter(t -> t.rating() != null)
        .anyMatch(t -> c.caseId().equals(t.caseId()) || !t.occurredAt().isBefore(c.resolvedAt()));
  }

  /** Open cases with a complaint, and recent complaints made outside any case. */
  private List<String> unresolvedComplaints(CustomerHistory history, Instant now) {
    List<String> found = new ArrayList<>();
    for (CaseRecord c : history.cases()) {
      if (c.open()
          && history.touches().stream()
              .anyMatch(t -> c.caseId().equals(t.caseId()) && t.isComplaint())) {
        found.add("case " + c.caseId() + " opened " + c.openedAt());
      }
    }
    Instant since = now.minus(config.thresholds().recent());
    history.touches().stream()
        .filter(t -> t.caseId() == null && t.isComplaint() && t.occurredAt().isAfter(since))
        .forEach(t -> found.add(t.type() + " on " + t.occurredAt()));
    return found;
  }

  private boolean gestureOfferedSince(CustomerHistory history, Instant since) {
    return history.gestures().stream()
        .anyMatch(g -> g.status() != GestureStatus.REJECTED && g.grantedAt().isAfter(since));
  }

  private boolean isLow(Touch t) {
    int score = t.rating().score();
    return t.rating().scale() == Rating.Scale.CSAT
        ? score <= config.thresholds().lowCsat()
        : score <= config.thresholds().lowNps();
  }

  /**
   * A complaint, a low rating or negative sentiment among the latest touches, or a bouncing case.
   */
  private boolean lastExperienceWasBad(CustomerHistory history) {
    List<Touch> touches = history.touches();
    int lookback = config.thresholds().badExperienceLookback();
    List<Touch> latest = touches.subList(Math.max(0, touches.size() - lookback), touches.size());
    boolean badTouch =
        latest.stream()
            .anyMatch(
                t ->
                    t.isComplaint()
                        || (t.rating() != null && isLow(t))
                        || (t.sentiment() != null
                            && t.sentiment() < config.thresholds().negativeSentiment()));
    boolean badCase =
        history.cases().stream()
            .filter(c -> c.openedAt() != null)
            .max(Comparator.comparing(CaseRecord::openedAt))
            .filter(c -> c.handoffs() >= config.thresholds().manyHandoffs())
            .isPresent();
    return badTouch || badCase;
  }

  static String path(List<Department> path) {
    return path.stream().map(Objects::toString).collect(Collectors.joining(" -> "));
  }
}
