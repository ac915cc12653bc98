package io.outsidein.interaction.service;

import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.experiments.CustomerArm;
import io.outsidein.interaction.service.GoodwillDecision.Rule;
import io.outsidein.interaction.service.GoodwillPolicy.CurrencyRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

  /**
   * The latitude per gesture in this currency, when the policy names it: that of the first of the
   * customer's experiment {@code arms} (earliest enrolment first) that grants one in this currency,
   * else the segment's. The customer's window and the person's month stay the policy's either way.
   */
  public static Optional<BigDecimal> latitude(
      GoodwillPolicy policy, String currency, String segment, List<CustomerArm> arms) {
    return policy
        .rulesFor(currency)
        .map(rules -> effective(rules, segment, armFor(arms, currency), currency));
  }

  /** The arm whose latitude applies in this currency: the earliest enrolment that names one. */
  private static Optional<CustomerArm> armFor(List<CustomerArm> arms, String currency) {
    return arms.stream().filter(arm -> arm.latitudes().containsKey(currency)).findFirst();
  }

  private static BigDecimal effective(
      CurrencyRules rules, String segment, Optional<CustomerArm> arm, String currency) {
    return arm.map(a -> a.latitudes().get(currency)).orElseGet(() -> rules.latitudeFor(segment));
  }

  /**
   * What is left of one currency's budgets after {@code usage}: the most a gesture may be and still
   * be approved at once ({@link #decide} approves exactly up to it), or empty when the policy does
   * not name the currency. {@code arm} is the experiment arm whose latitude applies, null when the
   * segment's does.
   */
  public record Allowance(
      String currency,
      BigDecimal latitude,
      CustomerArm arm,
      CurrencyRules rules,
      Usage usage,
      BigDecimal windowLeft,
      BigDecimal monthLeft,
      BigDecimal atOnce) {}

  public static Optional<Allowance> allowance(
      GoodwillPolicy policy, String currency, String segment, List<CustomerArm> arms, Usage usage) {
    Optional<CustomerArm> arm = armFor(arms, currency);
    return policy
        .rulesFor(currency)
        .map(
            rules -> {
              BigDecimal latitude = effective(rules, segment, arm, currency);
              BigDecimal windowLeft = left(rules.windowAmount(), usage.customerWindow());
              BigDecimal monthLeft = left(rules.personMonth(), usage.personMonth());
              return new Allowance(
                  currency,
                  latitude,
                  arm.orElse(null),
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

  /**
   * Decides one gesture. {@code arms} are the customer's arms in running experiments, earliest
   * enrolment first: the first that grants a latitude in the gesture's currency replaces the
   * segment's latitude, for {@code ABOVE_LATITUDE} only.
   */
  public static GoodwillDecision decide(
      GoodwillPolicy policy,
      Money amount,
      String segment,
      List<CustomerArm> arms,
      String actor,
      Usage usage) {
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
    Optional<CustomerArm> arm = armFor(arms, currency);
    BigDecimal latitude = effective(rules, segment, arm, currency);
    if (value.compareTo(latitude) > 0) {
      return held(
          policy,
          Rule.ABOVE_LATITUDE,
          money(value, currency)
              + " is above the latitude of "
              + money(latitude, currency)
              + arm.map(GoodwillRules::source)
                  .orElse(segment == null ? "" : " for segment " + segment));
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
            + arm.map(GoodwillRules::source).orElse("")
            + "; "
            + plain(usage.customerWindow().add(value))
            + " of "
            + money(rules.windowAmount(), currency)
            + " approved for this customer since "
            + usage.windowSince(),
        policy.version());
  }

  /** " (experiment 5b0e..., arm generous)": the experiment arm a latitude comes from. */
  private static String source(CustomerArm arm) {
    return " (experiment " + arm.experimentId() + ", arm " + arm.arm() + ")";
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
