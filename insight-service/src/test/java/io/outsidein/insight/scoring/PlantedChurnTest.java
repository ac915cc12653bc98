package io.outsidein.insight.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generates 300 customers in three segments, plants silent churners and frustrated customers among
 * loyal ones (some loyal ones noisy: irregular rhythm, an old complaint, an old bouncing case), and
 * measures how well the at-risk ranking finds the planted ones.
 */
class PlantedChurnTest {
  private static final List<String> SEGMENTS = List.of("smb", "enterprise", "consumer");
  private static final InsightScorer SCORER =
      new InsightScorer(History.defaults(), Clock.fixed(History.NOW, ZoneOffset.UTC));

  private record Scored(Insight insight, boolean planted) {}

  @Test
  void ranksPlantedChurnersAndFrustratedCustomersAboveLoyalOnes() {
    Random random = new Random(20261122L);
    List<Scored> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String segment = SEGMENTS.get(i % SEGMENTS.size());
      double roll = random.nextDouble();
      if (roll < 0.15) {
        all.add(new Scored(SCORER.score(silentChurner(segment, random)), true));
      } else if (roll < 0.25) {
        all.add(new Scored(SCORER.score(frustrated(segment, random)), true));
      } else {
        all.add(new Scored(SCORER.score(loyal(segment, random)), false));
      }
    }
    // The at-risk order: risk first, then health, as GET /insights/at-risk ranks.
    List<Scored> ranked =
        all.stream()
            .sorted(
                Comparator.comparingInt((Scored s) -> -s.insight().churnRisk().rank())
                    .thenComparingInt(s -> s.insight().healthScore()))
            .toList();
    long planted = all.stream().filter(Scored::planted).count();

    List<Scored> top = ranked.subList(0, (int) planted);
    double topPrecision = top.stream().filter(Scored::planted).count() / (double) top.size();
    double topRecall = top.stream().filter(Scored::planted).count() / (double) planted;

    List<Scored> flagged =
        all.stream().filter(s -> s.insight().churnRisk() != ChurnRisk.LOW).toList();
    long flaggedPlanted = flagged.stream().filter(Scored::planted).count();
    double flaggedPrecision = flaggedPlanted / (double) flagged.size();
    double flaggedRecall = flaggedPlanted / (double) planted;

    System.out.printf(
        Locale.ROOT,
        "planted %d of %d; top-%d precision %.3f recall %.3f;"
            + " MEDIUM-or-HIGH (%d) precision %.3f recall %.3f%n",
        planted,
        all.size(),
        planted,
        topPrecision,
        topRecall,
        flagged.size(),
        flaggedPrecision,
        flaggedRecall);
    assertThat(topPrecision).isGreaterThanOrEqualTo(0.8);
    assertThat(topRecall).isGreaterThanOrEqualTo(0.8);
    assertThat(flaggedPrecision).isGreaterThanOrEqualTo(0.8);
    assertThat(flaggedRecall).isGreaterThanOrEqualTo(0.8);
    Set<String> segmentsSeen = new HashSet<>();
    top.forEach(s -> segmentsSeen.add(s.insight().segment()));
    assertThat(segmentsSeen).containsExactlyInAnyOrderElementsOf(SEGMENTS);
  }

  /** Regular touches from far back to {@code lastDaysAgo}, each gap jittered by up to 40%. */
  private static History active(
      String segment, Random random, double rhythm, double lastDaysAgo, boolean bursty) {
    History h = History.in(segment);
    List<Double> days = new ArrayList<>();
    double day = lastDaysAgo;
    double start = lastDaysAgo + 120 + random.nextInt(120);
    while (day < start) {
      days.add(day);
      double gap =
          bursty
              ? -Math.log(1 - random.nextDouble()) * rhythm
              : rhythm * (0.6 + 0.8 * random.nextDouble());
      day += Math.max(0.2, gap);
    }
    for (int i = days.size() - 1; i >= 0; i--) {
      InteractionType type =
          random.nextDouble() < 0.3 ? InteractionType.PURCHASE : InteractionType.VISIT;
      Double mood = random.nextDouble() < 0.3 ? 0.1 + 0.6 * random.nextDouble() : null;
      h.touch(days.get(i), type, null, null, mood);
    }
    return h;
  }

  private static CustomerHistory loyal(String segment, Random random) {
    double rhythm = 2 + random.nextInt(12);
    boolean bursty = random.nextDouble() < 0.15;
    // Some loyal customers are simply away for a while (a holiday): 2 to 5 rhythms of quiet.
    double last =
        random.nextDouble() < 0.08
            ? rhythm * (2 + 3 * random.nextDouble())
            : random.nextDouble() * rhythm * 1.5;
    History h = active(segment, random, rhythm, last, bursty);
    if (random.nextDouble() < 0.3) {
      double at = 20 + random.nextInt(60);
      UUID caseId = h.caseOf(at, at - 1, Department.SUPPORT);
      h.touch(at, InteractionType.INQUIRY, caseId, null, 0.2);
      h.touch(
          at - 1,
          InteractionType.FEEDBACK,
          caseId,
          new Rating(Rating.Scale.CSAT, 4 + random.nextInt(2)),
          0.5);
    }
    if (random.nextDouble() < 0.1) {
      // An old complaint, resolved long ago.
      double at = 60 + random.nextInt(40);
      UUID caseId = h.caseOf(at, at - 2, Department.DELIVERY);
      h.touch(at, InteractionType.COMPLAINT, caseId, null, -0.4);
    }
    if (random.nextDouble() < 0.05) {
      // An old case that bounced between departments, resolved.
      double at = 50 + random.nextInt(40);
      UUID caseId = h.caseOf(at, at - 3, Department.SALES, Department.DELIVERY, Department.SUPPORT);
      h.touch(at, InteractionType.INQUIRY, caseId, null, null);
      h.touch(at - 3, InteractionType.FEEDBACK, caseId, new Rating(Rating.Scale.CSAT, 3), null);
    }
    if (random.nextDouble() < 0.2) {
      h.rated(random.nextDouble() * rhythm, Rating.Scale.NPS, 7 + random.nextInt(4));
    }
    return h.build();
  }

  private static CustomerHistory silentChurner(String segment, Random random) {
    double rhythm = 2 + random.nextInt(12);
    // Some churners have only just gone quiet: from 2.5 rhythms on, the borderline is real.
    double silence = Math.max(8, rhythm * (2.5 + 7.5 * random.nextDouble()));
    History h = active(segment, random, rhythm, silence, false);
    if (random.nextDouble() < 0.6) {
      // Went quiet after a bad experience.
      UUID caseId = h.caseOf(silence + 1, silence, Department.SUPPORT);
      h.touch(silence + 1, InteractionType.COMPLAINT, caseId, null, -0.6);
      h.touch(
          silence,
          InteractionType.FEEDBACK,
          caseId,
          new Rating(Rating.Scale.CSAT, 1 + random.nextInt(2)),
          -0.5);
    }
    return h.build();
  }

  private static CustomerHistory frustrated(String segment, Random random) {
    double rhythm = 2 + random.nextInt(12);
    History h = active(segment, random, rhythm, 1 + random.nextDouble() * 3, false);
    double opened = 1 + random.nextDouble() * 5;
    UUID caseId =
        random.nextDouble() < 0.5
            ? h.caseOf(opened, null, Department.SALES, Department.DELIVERY, Department.SUPPORT)
            : h.caseOf(opened, null, Department.SUPPORT);
    h.touch(opened, InteractionType.COMPLAINT, caseId, null, -0.7);
    if (random.nextDouble() < 0.7) {
      h.touch(
          opened / 2,
          InteractionType.INQUIRY,
          caseId,
          new Rating(Rating.Scale.CSAT, 1 + random.nextInt(2)),
          -0.6);
    }
    return h.build();
  }
}
