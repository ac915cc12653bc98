package io.outsidein.demo;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the generator decided for one customer, before anything is sent. */
public record Plan(
    int number,
    Persona persona,
    String segment,
    String displayName,
    String email,
    List<PlannedCase> cases,
    List<PlannedInteraction> interactions) {

  /** A touchpoint; {@code caseIndex} points into {@link #cases()} or is -1. */
  public record PlannedInteraction(
      Instant occurredAt,
      Channel channel,
      Department department,
      InteractionType type,
      String summary,
      int caseIndex,
      Rating rating,
      Double sentiment,
      BigDecimal amount) {}

  /** A problem's journey: the owner first, then the departments it was handed to. */
  public record PlannedCase(
      String subject, List<Department> departments, boolean resolved, BigDecimal gesture) {}
}
