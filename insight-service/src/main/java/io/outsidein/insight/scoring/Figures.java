package io.outsidein.insight.scoring;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.scoring.CustomerHistory.CaseRecord;
import io.outsidein.insight.scoring.CustomerHistory.Touch;
import io.outsidein.insight.scoring.Insight.CaseMetrics;
import io.outsidein.insight.scoring.Insight.Metrics;
import io.outsidein.insight.scoring.Insight.Sentiment;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/** The figures of one customer's history, computed once for both scoring and display. */
final class Figures {
  private static final double HOURS_PER_DAY = 24.0;

  private Figures() {}

  static int contacts(CustomerHistory history, UUID caseId) {
    return (int) history.touches().stream().filter(t -> caseId.equals(t.caseId())).count();
  }

  static Double resolutionHours(CaseRecord c) {
    if (c.open() || c.openedAt() == null) {
      return null;
    }
    return round(Duration.between(c.openedAt(), c.resolvedAt()).toMinutes() / 60.0);
  }

  static List<Touch> ratings(CustomerHistory history, Rating.Scale scale) {
    return history.touches().stream()
        .filter(t -> t.rating() != null && (scale == null || t.rating().scale() == scale))
        .toList();
  }

  static Sentiment sentiment(CustomerHistory history, int window) {
    List<Double> values =
        history.touches().stream().map(Touch::sentiment).filter(Objects::nonNull).toList();
    if (values.isEmpty()) {
      return new Sentiment(null, null);
    }
    List<Double> latest = values.subList(Math.max(0, values.size() - window), values.size());
    List<Double> before =
        values.subList(Math.max(0, values.size() - 2 * window), values.size() - latest.size());
    Double average = average(latest);
    Double trend = before.isEmpty() ? null : round(average - average(before));
    return new Sentiment(average, trend);
  }

  static Metrics metrics(CustomerHistory history, Instant now, FiguresConfig config) {
    Activity activity = history.activity();
    Set<Department> departments = new LinkedHashSet<>(activity.departments());
    history.cases().forEach(c -> departments.addAll(c.path()));
    List<CaseMetrics> cases =
        history.cases().stream()
            .map(
                c ->
                    new CaseMetrics(
                        c.caseId(),
                        c.path(),
                        c.handoffs(),
                        contacts(history, c.caseId()),
                        resolutionHours(c),
                        c.open()))
            .toList();
    Instant last = activity.last();
    return new Metrics(
        activity.touches(),
        activity.first(),
        last,
        List.copyOf(departments),
        (int) history.cases().stream().filter(CaseRecord::open).count(),
        average(cases.stream().map(c -> (double) c.handoffs()).toList()),
        average(cases.stream().map(CaseMetrics::resolutionHours).filter(Objects::nonNull).toList()),
        average(cases.stream().map(c -> (double) c.contacts()).toList()),
        activity.average(Rating.Scale.CSAT),
        activity.nps(config.promoterNps(), config.lowNps()),
        sentiment(history, config.sentimentWindow()),
        (int) history.gestures().stream().filter(g -> g.status() != GestureStatus.REJECTED).count(),
        activity.rhythmDays(config.minActiveDays()),
        last == null ? null : round(Duration.between(last, now).toMinutes() / 60.0 / HOURS_PER_DAY),
        cases);
  }

  static Double average(List<Double> values) {
    OptionalDouble average = values.stream().mapToDouble(Double::doubleValue).average();
    return average.isPresent() ? round(average.getAsDouble()) : null;
  }

  static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }

  /** The few settings the figures need. */
  record FiguresConfig(int promoterNps, int lowNps, int sentimentWindow, int minActiveDays) {}
}
