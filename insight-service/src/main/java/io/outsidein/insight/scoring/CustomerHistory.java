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

/** Everything insight knows of one customer: the input of {@link InsightScorer}. */
public record CustomerHistory(
    UUID customerId,
    String segment,
    List<Touch> touches,
    List<CaseRecord> cases,
    List<GestureRecord> gestures) {

  public CustomerHistory {
    touches = touches.stream().sorted(Comparator.comparing(Touch::occurredAt)).toList();
    cases = List.copyOf(cases);
    gestures = List.copyOf(gestures);
  }

  /** One touchpoint. */
  public record Touch(
      Instant occurredAt,
      Department department,
      InteractionType type,
      UUID caseId,
      Rating rating,
      Double sentiment) {

    private static final Set<InteractionType> BAD_TYPES =
        Set.of(InteractionType.COMPLAINT, InteractionType.RETURN, InteractionType.CANCELLATION);

    /** A complaint, a return or a cancellation. */
    public boolean isComplaint() {
      return type != null && BAD_TYPES.contains(type);
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
