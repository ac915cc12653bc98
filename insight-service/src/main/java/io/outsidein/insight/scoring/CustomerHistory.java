package io.outsidein.insight.scoring;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What insight knows of one customer: the input of {@link InsightScorer}.
 *
 * @param activity all of the customer's touches, summed up
 * @param touches the touches the scorer reads one by one. It needs only some of them, so a long
 *     history need not be read whole: the latest {@code bad-experience-lookback} touches, the
 *     latest twice {@code sentiment-window} with a sentiment (two windows, for the trend), the
 *     latest rating, every touch on a case and the case-less complaints of the {@code recent}
 *     period. Holding more (all of them, in a unit test) changes no score.
 */
public record CustomerHistory(
    UUID customerId,
    String segment,
    Activity activity,
    List<Touch> touches,
    List<CaseRecord> cases,
    List<GestureRecord> gestures) {

  public CustomerHistory {
    touches = touches.stream().sorted(Comparator.comparing(Touch::occurredAt)).toList();
    cases = List.copyOf(cases);
    gestures = List.copyOf(gestures);
  }

  /** A history holding every touch, its activity summed up from them. */
  public CustomerHistory(
      UUID customerId,
      String segment,
      List<Touch> touches,
      List<CaseRecord> cases,
      List<GestureRecord> gestures) {
    this(customerId, segment, Activity.of(touches), touches, cases, gestures);
  }

  /** One touchpoint. */
  public record Touch(
      Instant occurredAt,
      Department department,
      InteractionType type,
      UUID caseId,
      Rating rating,
      Double sentiment) {

    /** The types that are complaints: a complaint, a return or a cancellation. */
    public static final Set<InteractionType> COMPLAINTS =
        Set.of(InteractionType.COMPLAINT, InteractionType.RETURN, InteractionType.CANCELLATION);

    /** A complaint, a return or a cancellation. */
    public boolean isComplaint() {
      return type != null && COMPLAINTS.contains(type);
    }
  }

  /** One case: its department path in order (the opening department, then each handoff). */
  public record CaseRecord(
      UUID caseId, List<Department> path, Instant openedAt, Instant resolvedAt) {
    public CaseRecord {
      path = List.copyOf(path);
    }

    public boolean open() {
      return resolvedAt == null;
    }

    public int handoffs() {
      return Math.max(0, path.size() - 1);
    }
  }

  /** One goodwill gesture offered on a case. */
  public record GestureRecord(
      UUID caseId, GestureStatus status, BigDecimal amount, Instant grantedAt) {}
}
