package io.outsidein.insight.scoring;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.scoring.CustomerHistory.Touch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What the scorer needs of all of a customer's touches, summed up, so that the touches themselves
 * need not be read: kept as a running tally as they are recorded, however long the history grows.
 *
 * @param touches how many touches there are
 * @param first the earliest touch
 * @param last the latest touch
 * @param departments the departments touched, in the order they were first touched
 * @param ratings how often each survey answer was given
 * @param activeDays on how many calendar days (UTC) the customer was in touch
 * @param medianGapDays the median gap in days between consecutive active days; null below two
 */
public record Activity(
    int touches,
    Instant first,
    Instant last,
    List<Department> departments,
    Map<Rating, Long> ratings,
    int activeDays,
    Double medianGapDays) {

  public Activity {
    departments = List.copyOf(departments);
    ratings = Map.copyOf(ratings);
  }

  /** Sums up the given touches: what the database's aggregates give for the same rows. */
  public static Activity of(List<Touch> touches) {
    List<Touch> sorted = touches.stream().sorted(Comparator.comparing(Touch::occurredAt)).toList();
    Set<Department> departments = new LinkedHashSet<>();
    Map<Rating, Long> ratings = new LinkedHashMap<>();
    for (Touch t : sorted) {
      if (t.department() != null) {
        departments.add(t.department());
      }
      if (t.rating() != null) {
        ratings.merge(t.rating(), 1L, Long::sum);
      }
    }
    List<Long> days =
        sorted.stream()
            .map(t -> LocalDate.ofInstant(t.occurredAt(), ZoneOffset.UTC).toEpochDay())
            .distinct()
            .toList();
    return new Activity(
        sorted.size(),
        sorted.isEmpty() ? null : sorted.get(0).occurredAt(),
        sorted.isEmpty() ? null : sorted.get(sorted.size() - 1).occurredAt(),
        List.copyOf(departments),
        ratings,
        days);
  }

  /** An activity from its tally, the active days given as days since 1970-01-01 (UTC), in order. */
  public Activity(
      int touches,
      Instant first,
      Instant last,
      List<Department> departments,
      Map<Rating, Long> ratings,
      List<Long> activeDays) {
    this(touches, first, last, departments, ratings, activeDays.size(), medianGap(activeDays));
  }

  /** How many answers on the scale there are, and the sum of their scores. */
  long answers(Rating.Scale scale) {
    return ratings.entrySet().stream()
        .filter(e -> e.getKey().scale() == scale)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The average score on the scale; null without answers. */
  Double average(Rating.Scale scale) {
    long answers = answers(scale);
    if (answers == 0) {
      return null;
    }
    long sum =
        ratings.entrySet().stream()
            .filter(e -> e.getKey().scale() == scale)
            .mapToLong(e -> e.getKey().score() * e.getValue())
            .sum();
    return Figures.round((double) sum / answers);
  }

  /** Promoters minus detractors, in percent of the NPS answers; null without answers. */
  Integer nps(int promoterFrom, int detractorUpTo) {
    long answers = answers(Rating.Scale.NPS);
    if (answers == 0) {
      return null;
    }
    long promoters = npsAnswers(score -> score >= promoterFrom);
    long detractors = npsAnswers(score -> score <= detractorUpTo);
    return (int) Math.round(100.0 * (promoters - detractors) / answers);
  }

  private long npsAnswers(IntPredicate score) {
    return ratings.entrySet().stream()
        .filter(e -> e.getKey().scale() == Rating.Scale.NPS && score.test(e.getKey().score()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The usual gap between active days, in days; null when there are too few active days. */
  Double rhythmDays(int minActiveDays) {
    if (activeDays < Math.max(2, minActiveDays) || medianGapDays == null) {
      return null;
    }
    return Math.max(1.0, medianGapDays);
  }

  private static Double medianGap(List<Long> days) {
    if (days.size() < 2) {
      return null;
    }
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < days.size(); i++) {
      gaps.add(days.get(i) - days.get(i - 1));
    }
    gaps.sort(Long::compare);
    int mid = gaps.size() / 2;
    return gaps.size() % 2 == 1 ? gaps.get(mid) : (gaps.get(mid - 1) + gaps.get(mid)) / 2.0;
  }
}
