package io.outsidein.interaction.service;

import io.outsidein.events.interaction.GestureStatus;

/** Why a gesture was approved at once or held for a supervisor, and by which policy version. */
public record GoodwillDecision(GestureStatus outcome, Rule rule, String detail, int policyVersion) {

  /** The rule that decided; the first one a gesture breaks, else {@code WITHIN_LATITUDE}. */
  public enum Rule {
    WITHIN_LATITUDE,
    CURRENCY_NOT_IN_POLICY,
    ABOVE_LATITUDE,
    CUSTOMER_WINDOW_EXCEEDED,
    PERSON_MONTH_EXCEEDED
  }
}
