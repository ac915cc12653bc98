package io.outsidein.interaction.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.service.GoodwillDecision.Rule;
import io.outsidein.interaction.service.GoodwillPolicy.CurrencyRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoodwillRulesTest {
  private static final LocalDate WINDOW_SINCE = LocalDate.parse("2026-09-07");
  private static final LocalDate MONTH_SINCE = LocalDate.parse("2026-12-01");
  private static final GoodwillPolicy POLICY =
      new GoodwillPolicy(
          4,
          Instant.parse("2026-12-01T00:00:00Z"),
          "admin",
          Map.of(
              "EUR",
              new CurrencyRules(
                  new BigDecimal("25.00"),
                  Map.of("premium", new BigDecimal("40.00")),
                  new BigDecimal("50.00"),
                  90,
                  new BigDecimal("500.00"))));

  private static GoodwillDecision decide(String amount, String window, String month) {
    return decide(amount, "EUR", "general", window, month);
  }

  private static GoodwillDecision decide(
      String amount, String currency, String segment, String window, String month) {
    return GoodwillRules.decide(
        POLICY,
        new Money(new BigDecimal(amount), currency),
        segment,
        "agent-7",
        new GoodwillRules.Usage(
            new BigDecimal(window), WINDOW_SINCE, new BigDecimal(month), MONTH_SINCE));
  }

  @Test
  void approvesAGestureAtTheLatitudeAndHoldsOneACentAbove() {
    assertThat(decide("25.00", "0", "0"))
        .isEqualTo(
            new GoodwillDecision(
                GestureStatus.APPROVED,
                Rule.WITHIN_LATITUDE,
                "25.00 EUR is within the latitude of 25.00 EUR;"
                    + " 25.00 of 50.00 EUR approved for this customer since 2026-09-07",
                4));
    assertThat(decide("25.01", "0", "0"))
        .isEqualTo(
            new GoodwillDecision(
                GestureStatus.PENDING_APPROVAL,
                Rule.ABOVE_LATITUDE,
                "25.01 EUR is above the latitude of 25.00 EUR for segment general",
                4));
  }

  @Test
  void usesTheSegmentsOwnLatitude() {
    assertThat(decide("40.00", "EUR", "premium", "0", "0").rule()).isEqualTo(Rule.WITHIN_LATITUDE);
    assertThat(decide("40.01", "EUR", "premium", "0", "0").rule()).isEqualTo(Rule.ABOVE_LATITUDE);
  }

  @Test
  void approvesUpToTheCustomersWindowAndHoldsJustOverIt() {
    assertThat(decide("24.99", "25.00", "0").outcome()).isEqualTo(GestureStatus.APPROVED);
    assertThat(decide("25.00", "25.00", "0").outcome()).isEqualTo(GestureStatus.APPROVED);
    GoodwillDecision over = decide("25.00", "25.01", "0");
    assertThat(over.outcome()).isEqualTo(GestureStatus.PENDING_APPROVAL);
    assertThat(over.rule()).isEqualTo(Rule.CUSTOMER_WINDOW_EXCEEDED);
    assertThat(over.detail())
        .isEqualTo("25.01 of 50.00 EUR already approved for this customer since 2026-09-07");
  }

  @Test
  void approvesUpToThePersonsMonthAndHoldsJustOverIt() {
    assertThat(decide("10.00", "0", "489.99").outcome()).isEqualTo(GestureStatus.APPROVED);
    assertThat(decide("10.00", "0", "490.00").outcome()).isEqualTo(GestureStatus.APPROVED);
    GoodwillDecision over = decide("10.00", "0", "490.01");
    assertThat(over.outcome()).isEqualTo(GestureStatus.PENDING_APPROVAL);
    assertThat(over.rule()).isEqualTo(Rule.PERSON_MONTH_EXCEEDED);
    assertThat(over.detail())
        .isEqualTo("490.01 of 500.00 EUR already approved by agent-7 since 2026-12-01");
  }

  @Test
  void holdsACurrencyThePolicyDoesNotName() {
    GoodwillDecision decision = decide("1", "USD", "general", "0", "0");
    assertThat(decision.outcome()).isEqualTo(GestureStatus.PENDING_APPROVAL);
    assertThat(decision.rule()).isEqualTo(Rule.CURRENCY_NOT_IN_POLICY);
    assertThat(decision.detail()).isEqualTo("policy version 4 names no limits for USD");
  }

  @Test
  void namesTheLatitudeFirstWhenAGestureBreaksSeveralRules() {
    assertThat(decide("30.00", "50.00", "500.00").rule()).isEqualTo(Rule.ABOVE_LATITUDE);
    assertThat(decide("10.00", "50.00", "500.00").rule()).isEqualTo(Rule.CUSTOMER_WINDOW_EXCEEDED);
  }

  @Test
  void allowsAtOnceExactlyWhatDecideApprovesAtOnce() {
    GoodwillRules.Usage usage =
        new GoodwillRules.Usage(
            new BigDecimal("30.00"), WINDOW_SINCE, new BigDecimal("490.00"), MONTH_SINCE);
    GoodwillRules.Allowance premium =
        GoodwillRules.allowance(POLICY, "EUR", "premium", usage).orElseThrow();
    assertThat(premium.latitude()).isEqualByComparingTo("40.00");
    assertThat(premium.windowLeft()).isEqualByComparingTo("20.00");
    assertThat(premium.monthLeft()).isEqualByComparingTo("10.00");
    assertThat(premium.atOnce()).isEqualByComparingTo("10.00");
    assertThat(decide("10.00", "EUR", "premium", "30.00", "490.00").outcome())
        .isEqualTo(GestureStatus.APPROVED);
    assertThat(decide("10.01", "EUR", "premium", "30.00", "490.00").outcome())
        .isEqualTo(GestureStatus.PENDING_APPROVAL);

    GoodwillRules.Usage spent =
        new GoodwillRules.Usage(
            new BigDecimal("60.00"), WINDOW_SINCE, new BigDecimal("0"), MONTH_SINCE);
    assertThat(GoodwillRules.allowance(POLICY, "EUR", null, spent).orElseThrow().atOnce())
        .isEqualByComparingTo("0");
    assertThat(GoodwillRules.allowance(POLICY, "JPY", null, spent)).isEmpty();
  }
}
