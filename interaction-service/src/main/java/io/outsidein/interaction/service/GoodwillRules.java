package io.outsidein.interaction.service;

import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.service.GoodwillDecision.Rule;
import io.outsidein.interaction.service.GoodwillPolicy.CurrencyRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The goodwill policy applied to one gesture, with no database: the service hands it what was
 * already approved at once, so every boundary can be tested on its own.
 */
public final class GoodwillRules {
  private GoodwillRules() {}

  /** What has already been approved at once, in the gesture's currency. */
  public record Usage(
      BigDecimal customerWindow,
      LocalDate windowSince,
      BigDecimal personMonth,
      LocalDate monthSince) {}

  /** The latitude for a customer of this segment in this currency, when the policy names it. */
  public static Optional<BigDecimal> latitude(
      GoodwillPolicy policy, String currency, String segment) {
    return policy.rulesFor(currency).map(rules -> rules.latitudeFor(segment));
  }

  /**
   * What is left of one currency's budgets after {@code usage}: the most a gesture may be and still
   * be approved at once ({@link #decide} approves exactly up to it), or empty when the policy does
   * not name the currency.
   */
  public record Allowance(
      String currency,
      BigDecimal latitude,
      CurrencyRules rules,
      Usage usage,
      BigDecimal windowLeft,
      BigDecimal monthLeft,
      BigDecimal atOnce) {}

  public static Optional<Allowance> allowance(
      GoodwillPolicy policy, String currency, String segment, Usage usage) {
    return policy
        .rulesFor(currency)
        .map(
            rules -> {
              BigDecimal latitude = rules.latitudeFor(segment);
              BigDecimal windowLeft = left(rules.windowAmount(), usage.customerWindow());
              BigDecimal monthLeft = left(rules.personMonth(), usage.personMonth());
              return new Allowance(
                  currency,
                  latitude,
                  rules,
                  usage,
                  windowLeft,
                  monthLeft,
                  latitude.min(windowLeft).min(monthLeft));
            });
  }

  private static BigDecimal left(BigDecimal limit, BigDecimal used) {
    return limit.subtract(used).max(BigDecimal.ZERO);
  }

  public static GoodwillDecision decide(
      GoodwillPolicy policy, Money amount, String segment, String actor, Usage usage) {
    String currency = amount.currency();
    Optional<CurrencyRules> named = policy.rulesFor(currency);
    if (named.isEmpty()) {
      return held(
          policy,
          Rule.CURRENCY_NOT_IN_POLICY,
          "policy version " + policy.version() + " names no limits for " + currency);
    }
    CurrencyRules rules = named.get();
    BigDecimal value = amount.value();
    BigDecimal latitude = rules.latitudeFor(segment);
    if (value.compareTo(latitude) > 0) {
      return held(
          policy,
          Rule.ABOVE_LATITUDE,
          money(value, currency)
              + " is above the latitude of "
              + money(latitude, currency)
              + (segment == null ? "" : " for segment " + segment));
    }
    if (usage.customerWindow().add(value).compareTo(rules.windowAmount()) > 0) {
      return held(
          policy,
          Rule.CUSTOMER_WINDOW_EXCEEDED,
          plain(usage.customerWindow())
              + " of "
              + money(rules.windowAmount(), currency)
              + " already approved for this customer since "
              + usage.windowSince());
    }
    if (usage.personMonth().add(value).compareTo(rules.personMonth()) > 0) {
      return held(
          policy,
          Rule.PERSON_MONTH_EXCEEDED,
          plain(usage.personMonth())
              + " of "
              + money(rules.personMonth(), currency)
              + " already approved by "
              + actor
              + " since "
              + usage.monthSince());
    }
    return new GoodwillDecision(
        GestureStatus.APPROVED,
        Rule.WITHIN_LATITUDE,
        money(value, currency)
            + " is within the latitude of "
            + money(latitude, currency)
            + "; "
            + plain(usage.customerWindow().add(value))
            + " of "
            + money(rules.windowAmount(), currency)
            + " approved for this customer since "
            + usage.windowSince(),
        policy.version());
  }

  private static GoodwillDecision held(GoodwillPolicy policy, Rule rule, String detail) {
    return new GoodwillDecision(GestureStatus.PENDING_APPROVAL, rule, detail, policy.version());
  }

  /** "30.00 EUR": at least two decimals, as the API writes money. */
  static String money(BigDecimal value, String currency) {
    return plain(value) + " " + currency;
  }

  public static String plain(BigDecimal value) {
    return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
  }
}
