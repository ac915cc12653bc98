package io.outsidein.insight.scoring;

import static io.outsidein.events.interaction.Department.BILLING;
import static io.outsidein.events.interaction.Department.DELIVERY;
import static io.outsidein.events.interaction.Department.SALES;
import static io.outsidein.events.interaction.Department.SUPPORT;
import static io.outsidein.events.interaction.InteractionType.COMPLAINT;
import static io.outsidein.events.interaction.InteractionType.FEEDBACK;
import static io.outsidein.events.interaction.InteractionType.INQUIRY;
import static io.outsidein.events.interaction.InteractionType.PURCHASE;
import static io.outsidein.events.interaction.InteractionType.VISIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.interaction.Rating;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scoring model on a table of typical histories, with a fixed clock and no database. */
class InsightScorerTest {
  @Test
  void isDueAgainWhenTheCustomersSilenceWouldCrossItsThreshold() {
    // Every three days, the latest 8.5 days ago: silent beyond 9 days (three rhythms) in half a
    // day.
    CustomerHistory history = History.in("smb").regular(VISIT, 3, 59.5, 8.5).build();
    Insight insight = SCORER.score(history);

    assertThat(insight.reasons()).extracting(Insight.Reason::code).doesNotContain("ACTIVITY_DROP");
    assertThat(SCORER.nextChange(history, insight))
        .isEqualTo(History.daysAgo(8.5).plus(java.time.Duration.ofDays(9)).plusMillis(1));
    InsightScorer later =
        new InsightScorer(
            History.defaults(),
            Clock.fixed(History.NOW.plus(java.time.Duration.ofHours(13)), ZoneOffset.UTC));
    assertThat(later.score(history).reasons())
        .extracting(Insight.Reason::code)
        .contains("ACTIVITY_DROP");
  }

  @Test
  void isDueAgainWhenARecentComplaintLeavesTheRecentWindow() {
    CustomerHistory history =
        History.in("smb")
            .regular(VISIT, 1, 20, 0.1)
            .touch(29.9, COMPLAINT, null, null, null)
            .build();

    assertThat(SCORER.nextChange(history, SCORER.score(history)))
        .isEqualTo(History.daysAgo(29.9).plus(java.time.Duration.ofDays(30)));
  }

  @Test
  void isDueAgainADayLaterWhenTimeAloneChangesNothingSooner() {
    CustomerHistory history = History.in("smb").regular(VISIT, 1, 20, 0.1).build();
    Insight insight = SCORER.score(history);

    assertThat(SCORER.nextChange(history, insight))
        .isEqualTo(insight.computedAt().plus(java.time.Duration.ofDays(1)));
  }

  private static final InsightScorer SCORER =
      new InsightScorer(History.defaults(), Clock.fixed(History.NOW, ZoneOffset.UTC));

  static Stream<Arguments> histories() {
    return Stream.of(
        Arguments.of("loyal", loyal(), ChurnRisk.LOW, 95, 100, List.of(), List.of()),
        Arguments.of(
            "frustrated",
            frustrated(),
            ChurnRisk.HIGH,
            0,
            49,
            List.of("UNRESOLVED_COMPLAINT", "MANY_HANDOFFS", "LOW_RATING", "NEGATIVE_SENTIMENT"),
            List.of("GOODWILL_GESTURE", "ASSIGN_SINGLE_OWNER")),
        Arguments.of(
            "silent after a complaint",
            silentAfterComplaint(),
            ChurnRisk.HIGH,
            0,
            60,
            List.of("SILENT_AFTER_BAD_EXPERIENCE", "LOW_RATING", "NEGATIVE_SENTIMENT"),
            List.of("PROACTIVE_OUTREACH")),
        Arguments.of(
            "quiet without a bad experience",
            quietLoyal(),
            ChurnRisk.MEDIUM,
            60,
            84,
            List.of("ACTIVITY_DROP"),
            List.of("PROACTIVE_OUTREACH")),
        Arguments.of(
            "new",
            History.in("consumer").touch(1, VISIT, null, null, null).build(),
            ChurnRisk.LOW,
            100,
            100,
            List.of(),
            List.of()),
        Arguments.of(
            "promoter",
            History.in("smb").regular(PURCHASE, 10, 90, 2).rated(1, Rating.Scale.NPS, 10).build(),
            ChurnRisk.LOW,
            100,
            100,
            List.of(),
            List.of("THANK_PROMOTER")),
        Arguments.of(
            "bouncing case",
            bouncing(),
            ChurnRisk.MEDIUM,
            60,
            84,
            List.of("MANY_HANDOFFS", "HIGH_EFFORT"),
            List.of("ASSIGN_SINGLE_OWNER")),
        Arguments.of(
            "resolved without a rating",
            resolvedWithoutRating(),
            ChurnRisk.LOW,
            95,
            100,
            List.of(),
            List.of("ASK_FOR_FEEDBACK")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void scoresEachTypicalHistoryWithItsRiskHealthAndReasons(
      String name,
      CustomerHistory history,
      ChurnRisk risk,
      int minHealth,
      int maxHealth,
      List<String> reasons,
      List<String> actions) {
    Insight insight = SCORER.score(history);

    assertThat(insight.churnRisk()).as(name).isEqualTo(risk);
    assertThat(insight.healthScore()).as(name).isBetween(minHealth, maxHealth);
    assertThat(insight.reasons())
        .extracting(Insight.Reason::code)
        .as(name)
        .containsExactlyInAnyOrderElementsOf(reasons);
    assertThat(insight.nextBestActions())
        .extracting(Insight.Action::code)
        .as(name)
        .containsExactlyInAnyOrderElementsOf(actions);
    assertThat(insight.computedAt()).isEqualTo(History.NOW);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void explainsEveryPointLostWithAReason(String name, CustomerHistory history) {
    Insight insight = SCORER.score(history);

    int lost = insight.reasons().stream().mapToInt(Insight.Reason::points).sum();
    assertThat(Math.min(100, lost)).as(name).isEqualTo(100 - insight.healthScore());
    assertThat(insight.reasons()).allSatisfy(r -> assertThat(r.points()).isPositive());
  }

  @Test
  void timeAloneTurnsARegularCustomerIntoAnActivityDrop() {
    CustomerHistory weekly = History.in("smb").regular(PURCHASE, 7, 120, 1).build();
    InsightScorer later =
        new InsightScorer(
            History.defaults(), Clock.fixed(History.NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC));

    assertThat(SCORER.score(weekly).churnRisk()).isEqualTo(ChurnRisk.LOW);
    Insight afterAMonth = later.score(weekly);
    assertThat(afterAMonth.churnRisk()).isEqualTo(ChurnRisk.MEDIUM);
    assertThat(afterAMonth.reasons())
        .extracting(Insight.Reason::code)
        .containsExactly("ACTIVITY_DROP");
    assertThat(afterAMonth.metrics().rhythmDays()).isEqualTo(7.0);
  }

  @Test
  void measuresTheCustomerFromTheirHistory() {
    History h = History.in("smb");
    UUID caseId = h.caseOf(10, 8.0, SALES, DELIVERY);
    h.touch(10, INQUIRY, caseId, null, -0.5)
        .touch(9, INQUIRY, caseId, null, 0.1)
        .rated(8, Rating.Scale.CSAT, 4)
        .rated(7, Rating.Scale.NPS, 9)
        .rated(6, Rating.Scale.NPS, 3);

    Insight.Metrics metrics = SCORER.score(h.build()).metrics();

    assertThat(metrics.interactions()).isEqualTo(5);
    assertThat(metrics.departmentsTouched()).containsExactlyInAnyOrder(SALES, DELIVERY);
    assertThat(metrics.openCases()).isZero();
    assertThat(metrics.handoffsPerCase()).isEqualTo(1.0);
    assertThat(metrics.resolutionHours()).isEqualTo(48.0);
    assertThat(metrics.contactsPerCase()).isEqualTo(2.0);
    assertThat(metrics.csat()).isEqualTo(4.0);
    assertThat(metrics.nps()).isZero();
    assertThat(metrics.sentiment().average()).isEqualTo(-0.2);
    assertThat(metrics.lastInteractionAt()).isEqualTo(History.daysAgo(6));
  }

  @Test
  void offersNoSecondGoodwillGestureOnceOneWasGranted() {
    History h = History.in("smb").regular(VISIT, 5, 60, 1);
    UUID caseId = h.caseOf(2, null, SUPPORT);
    h.touch(2, COMPLAINT, caseId, null, null).gesture(caseId, 1);

    Insight insight = SCORER.score(h.build());

    assertThat(insight.reasons()).extracting(Insight.Reason::code).contains("UNRESOLVED_COMPLAINT");
    assertThat(insight.nextBestActions())
        .extracting(Insight.Action::code)
        .doesNotContain("GOODWILL_GESTURE");
  }

  static CustomerHistory loyal() {
    History h = History.in("smb").regular(PURCHASE, 7, 180, 3);
    UUID caseId = h.caseOf(50, 49.5, SUPPORT);
    h.touch(50, INQUIRY, caseId, null, 0.2)
        .touch(49, FEEDBACK, caseId, new Rating(Rating.Scale.CSAT, 5), 0.8);
    return h.build();
  }

  static CustomerHistory frustrated() {
    History h = History.in("smb").regular(VISIT, 6, 90, 5);
    UUID caseId = h.caseOf(4, null, SALES, DELIVERY, SUPPORT);
    h.touch(4, COMPLAINT, caseId, null, -0.8)
        .touch(3, INQUIRY, caseId, null, -0.6)
        .touch(1, INQUIRY, caseId, new Rating(Rating.Scale.CSAT, 1), -0.7);
    return h.build();
  }

  static CustomerHistory silentAfterComplaint() {
    History h = History.in("consumer").regular(VISIT, 5, 120, 45);
    UUID caseId = h.caseOf(44, 43.0, SUPPORT);
    h.touch(44, COMPLAINT, caseId, null, -0.6)
        .touch(43, INQUIRY, caseId, new Rating(Rating.Scale.CSAT, 2), -0.4);
    return h.build();
  }

  static CustomerHistory quietLoyal() {
    return History.in("enterprise").regular(PURCHASE, 4, 120, 40).build();
  }

  static CustomerHistory bouncing() {
    History h = History.in("smb").regular(VISIT, 7, 90, 2);
    UUID caseId = h.caseOf(3, null, SALES, DELIVERY, SUPPORT, BILLING);
    h.touch(3, INQUIRY, caseId, null, null)
        .touch(2.5, INQUIRY, caseId, null, null)
        .touch(2, INQUIRY, caseId, null, null)
        .touch(1, INQUIRY, caseId, null, null);
    return h.build();
  }

  static CustomerHistory resolvedWithoutRating() {
    History h = History.in("smb").regular(PURCHASE, 7, 100, 3);
    UUID caseId = h.caseOf(2, 1.0, DELIVERY);
    h.touch(2, INQUIRY, caseId, null, 0.1);
    return h.build();
  }
}
