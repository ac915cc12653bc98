package io.outsidein.insight.scoring;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.scoring.CustomerHistory.CaseRecord;
import io.outsidein.insight.scoring.CustomerHistory.GestureRecord;
import io.outsidein.insight.scoring.CustomerHistory.Touch;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A small builder of customer histories, with times counted back from a fixed now. */
final class History {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final String segment;
  private final List<Touch> touches = new ArrayList<>();
  private final List<CaseRecord> cases = new ArrayList<>();
  private final List<GestureRecord> gestures = new ArrayList<>();
  private final UUID customerId = UUID.randomUUID();

  private History(String segment) {
    this.segment = segment;
  }

  static History in(String segment) {
    return new History(segment);
  }

  /** The model with its documented defaults, read by the same mapping the service uses. */
  static InsightConfig defaults() {
    SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(InsightConfig.class).build();
    return config.getConfigMapping(InsightConfig.class);
  }

  static Instant daysAgo(double days) {
    return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
  }

  /** A touch every {@code every} days, from {@code fromDaysAgo} down to {@code toDaysAgo}. */
  History regular(InteractionType type, double every, double fromDaysAgo, double toDaysAgo) {
    for (double d = fromDaysAgo; d >= toDaysAgo; d -= every) {
      touch(d, type, null, null, null);
    }
    return this;
  }

  History touch(double daysAgo, InteractionType type, UUID caseId, Rating rating, Double mood) {
    touches.add(new Touch(daysAgo(daysAgo), Department.SALES, type, caseId, rating, mood));
    return this;
  }

  History rated(double daysAgo, Rating.Scale scale, int score) {
    return touch(daysAgo, InteractionType.FEEDBACK, null, new Rating(scale, score), null);
  }

  /** A case over the given departments; resolvedDaysAgo null keeps it open. */
  UUID caseOf(double openedDaysAgo, Double resolvedDaysAgo, Department... path) {
    UUID id = UUID.randomUUID();
    cases.add(
        new CaseRecord(
            id,
            Arrays.asList(path),
            daysAgo(openedDaysAgo),
            resolvedDaysAgo == null ? null : daysAgo(resolvedDaysAgo)));
    return id;
  }

  History gesture(UUID caseId, double daysAgo) {
    gestures.add(
        new GestureRecord(
            caseId, GestureStatus.APPROVED, new BigDecimal("20.00"), daysAgo(daysAgo)));
    return this;
  }

  CustomerHistory build() {
    return new CustomerHistory(customerId, segment, touches, cases, gestures);
  }
}
