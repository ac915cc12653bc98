package io.outsidein.events.interaction;

import io.outsidein.events.EventData;
import io.outsidein.events.EventType;
import java.time.Instant;
import java.util.Map;

/**
 * A new version of the goodwill policy now decides the gestures granted: who changed it and its
 * rules per ISO 4217 currency. It concerns no customer, so its subject (and Kafka key) is {@value
 * #SUBJECT}: every change lands on one partition, in order.
 */
public record GoodwillPolicyChanged(
    int version, String changedBy, Instant changedAt, Map<String, CurrencyRules> currencies)
    implements EventData {

  public static final String SUBJECT = "goodwill-policy";

  /**
   * One currency's rules, amounts as decimal strings like money values: the latitude per gesture
   * (by default and per segment), the amount approved at once per customer within a rolling window
   * of days, and per person per calendar month.
   */
  public record CurrencyRules(
      String latitude,
      Map<String, String> segmentLatitudes,
      String windowAmount,
      int windowDays,
      String personMonth) {}

  @Override
  public String subject() {
    return SUBJECT;
  }

  @Override
  public EventType eventType() {
    return EventType.GOODWILL_POLICY_CHANGED;
  }
}
