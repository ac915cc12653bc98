package io.outsidein.interaction.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.experiments.CustomerArm;
import io.outsidein.interaction.service.GoodwillDecision.Rule;
import io.outsidein.interaction.service.GoodwillPolicy.CurrencyRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                  new BigDecimal("500.00")),
              "GBP",
              new CurrencyRules(
                  new BigDecimal("25.00"),
                  Map.of(),
                  new BigDecimal("50.00"),
                  90,
                  new BigDecimal("500.00"))));
  private static final UUID EXPERIMENT = UUID.fromString("5b0e7c1a-3d2f-4e6a-8b9c-0d1e2f3a4b5c");
  private static final UUID LATER_EXPERIMENT =
      UUID.fromString("7d1f8e2b-4c3a-4f7b-9cad-1e2f3a4b5c6d");

  private static GoodwillDecision decide(String amount, String window, String month) {
    return decide(amount, "EUR", "general", window, month);
  }

  private static GoodwillDecision decide(
      String amount, String currency, String segment, String window, String month) {
    return decide(amount, currency, segment, List.of(), window, month);
  }

  private static GoodwillDecision decide(
      String amount,
      String currency,
      String segment,
      List<CustomerArm> arms,
      String window,
      String month) {
    return GoodwillRules.decide(
        POLICY,
        new Money(new BigDecimal(amount), currency),
        segment,
        arms,
        "agent-7",
        new GoodwillRules.Usage(
            new BigDecimal(window), WINDOW_SINCE, new BigDecimal(month), MONTH_SINCE));
  }

  /** An arm granting these latitudes, e.g. {@code arm("generous", "EUR", "50.00")}. */
  private static CustomerArm arm(UUID experiment, String name, String... currencyAndLatitude) {
    Map<String, BigDecimal> latitudes = new java.util.TreeMap<>();
    for (int i = 0; i < currencyAndLatitude.length; i += 2) {
      latitudes.put(currencyAndLatitude[i], new BigDecimal(currencyAndLatitude[i + 1]));
    }
    return new CustomerArm(experiment, name, latitudes);
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
        GoodwillRules.allowance(POLICY, "EUR", "premium", List.of(), usage).orElseThrow();
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
    assertThat(
            GoodwillRules.allowance(POLICY, "EUR", null, List.of(), spent).orElseThrow().atOnce())
        .isEqualByComparingTo("0");
    assertThat(GoodwillRules.allowance(POLICY, "JPY", null, List.of(), spent)).isEmpty();
  }

  @Test
  void approvesUpToAnArmsLatitudeAboveTheSegmentsAndNamesTheExperiment() {
    List<CustomerArm> generous = List.of(arm(EXPERIMENT, "generous", "EUR", "50.00"));
    assertThat(decide("50.00", "EUR", "general", generous, "0", "0"))
        .isEqualTo(
            new GoodwillDecision(
                GestureStatus.APPROVED,
                Rule.WITHIN_LATITUDE,
                "50.00 EUR is within the latitude of 50.00 EUR (experiment "
                    + EXPERIMENT
                    + ", arm generous); 50.00 of 50.00 EUR approved for this customer since"
                    + " 2026-09-07",
                4));
    assertThat(decide("50.01", "EUR", "general", generous, "0", "0"))
        .isEqualTo(
            new GoodwillDecision(
                GestureStatus.PENDING_APPROVAL,
                Rule.ABOVE_LATITUDE,
                "50.01 EUR is above the latitude of 50.00 EUR (experiment "
                    + EXPERIMENT
                    + ", arm generous)",
                4));
  }

  @Test
  void holdsAboveAnArmsLatitudeBelowTheSegments() {
    List<CustomerArm> tight = List.of(arm(EXPERIMENT, "tight", "EUR", "10.00"));
    assertThat(decide("10.00", "EUR", "premium", tight, "0", "0").rule())
        .isEqualTo(Rule.WITHIN_LATITUDE);
    GoodwillDecision above = decide("10.01", "EUR", "premium", tight, "0", "0");
    assertThat(above.rule()).isEqualTo(Rule.ABOVE_LATITUDE);
    assertThat(above.detail())
        .isEqualTo(
            "10.01 EUR is above the latitude of 10.00 EUR (experiment "
                + EXPERIMENT
                + ", arm tight)");
  }

  @Test
  void keepsTheCustomersWindowAndThePersonsMonthUnderAnArmsLatitude() {
    List<CustomerArm> generous = List.of(arm(EXPERIMENT, "generous", "EUR", "50.00"));
    assertThat(decide("30.00", "EUR", "general", generous, "25.00", "0").rule())
        .isEqualTo(Rule.CUSTOMER_WINDOW_EXCEEDED);
    assertThat(decide("30.00", "EUR", "general", generous, "0", "480.00").rule())
        .isEqualTo(Rule.PERSON_MONTH_EXCEEDED);
  }

  @Test
  void fallsBackToThePolicyInACurrencyTheArmDoesNotName() {
    List<CustomerArm> generous = List.of(arm(EXPERIMENT, "generous", "EUR", "50.00", "USD", "50"));
    GoodwillDecision pounds = decide("30.00", "GBP", "general", generous, "0", "0");
    assertThat(pounds.rule()).isEqualTo(Rule.ABOVE_LATITUDE);
    assertThat(pounds.detail())
        .isEqualTo("30.00 GBP is above the latitude of 25.00 GBP for segment general");
    assertThat(decide("25.00", "GBP", "general", generous, "0", "0").detail())
        .startsWith("25.00 GBP is within the latitude of 25.00 GBP; ");
    // An arm cannot open a currency the policy has no window or month for.
    assertThat(decide("1.00", "USD", "general", generous, "0", "0").rule())
        .isEqualTo(Rule.CURRENCY_NOT_IN_POLICY);
  }

  @Test
  void leavesTheSegmentsLatitudeToAControlArm() {
    List<CustomerArm> control = List.of(arm(EXPERIMENT, "control"));
    GoodwillDecision decision = decide("25.01", "EUR", "general", control, "0", "0");
    assertThat(decision.rule()).isEqualTo(Rule.ABOVE_LATITUDE);
    assertThat(decision.detail())
        .isEqualTo("25.01 EUR is above the latitude of 25.00 EUR for segment general");
    GoodwillRules.Allowance allowance =
        GoodwillRules.allowance(POLICY, "EUR", "general", control, noUsage()).orElseThrow();
    assertThat(allowance.latitude()).isEqualByComparingTo("25.00");
    assertThat(allowance.arm()).isNull();
  }

  @Test
  void followsTheEarliestEnrolmentAmongArmsThatNameALatitudeInTheCurrency() {
    CustomerArm first = arm(EXPERIMENT, "modest", "EUR", "30.00");
    CustomerArm later = arm(LATER_EXPERIMENT, "generous", "EUR", "50.00");
    assertThat(decide("30.01", "EUR", "general", List.of(first, later), "0", "0").detail())
        .isEqualTo(
            "30.01 EUR is above the latitude of 30.00 EUR (experiment "
                + EXPERIMENT
                + ", arm modest)");
    // An earlier control arm names no latitude, so the later arm's applies.
    List<CustomerArm> controlFirst = List.of(arm(EXPERIMENT, "control"), later);
    assertThat(decide("50.00", "EUR", "general", controlFirst, "0", "0").outcome())
        .isEqualTo(GestureStatus.APPROVED);
  }

  @Test
  void allowsAtOnceUpToAnArmsLatitudeAndNamesTheArm() {
    CustomerArm generous = arm(EXPERIMENT, "generous", "EUR", "50.00");
    GoodwillRules.Allowance allowance =
        GoodwillRules.allowance(POLICY, "EUR", "general", List.of(generous), noUsage())
            .orElseThrow();
    assertThat(allowance.latitude()).isEqualByComparingTo("50.00");
    assertThat(allowance.atOnce()).isEqualByComparingTo("50.00");
    assertThat(allowance.arm()).isEqualTo(generous);
    assertThat(GoodwillRules.latitude(POLICY, "GBP", "general", List.of(generous)))
        .contains(new BigDecimal("25.00"));
  }

  private static GoodwillRules.Usage noUsage() {
    return new GoodwillRules.Usage(BigDecimal.ZERO, WINDOW_SINCE, BigDecimal.ZERO, MONTH_SINCE);
  }
}
