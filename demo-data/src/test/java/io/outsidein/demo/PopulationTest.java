package io.outsidein.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.interaction.InteractionType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PopulationTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void generatesTheSamePopulationForTheSameSeed() {
    List<Plan> first = new Population(7, NOW).generate(200, 5_000, "t");
    List<Plan> second = new Population(7, NOW).generate(200, 5_000, "t");
    assertThat(first).isEqualTo(second);
    assertThat(new Population(8, NOW).generate(200, 5_000, "t")).isNotEqualTo(first);
  }

  @Test
  void generatesAboutTheAskedNumberOfInteractionsInFourSegmentsWithEveryPersona() {
    List<Plan> plans = new Population(42, NOW).generate(2_000, 50_000, "t");
    int interactions = plans.stream().mapToInt(p -> p.interactions().size()).sum();
    assertThat(interactions).isBetween(40_000, 65_000);
    assertThat(plans.stream().map(Plan::segment).distinct()).hasSize(4);
    Map<Persona, Long> personas =
        plans.stream().collect(Collectors.groupingBy(Plan::persona, Collectors.counting()));
    assertThat(personas.keySet()).containsExactlyInAnyOrder(Persona.values());
    assertThat(personas.get(Persona.SILENT_CHURNER)).isGreaterThan(150);
  }

  @Test
  void plantsSilentChurnersWhoseActivityStoppedAtLeastTwoMonthsAgo() {
    List<Plan> plans = new Population(42, NOW).generate(500, 12_000, "t");
    for (Plan plan : plans) {
      Instant last = plan.interactions().get(plan.interactions().size() - 1).occurredAt();
      if (plan.persona() == Persona.SILENT_CHURNER) {
        assertThat(last).isBefore(NOW.minus(Duration.ofDays(59)));
      } else {
        assertThat(last).isAfter(NOW.minus(Duration.ofDays(11)));
      }
      assertThat(plan.interactions()).allMatch(i -> !i.occurredAt().isAfter(NOW));
    }
  }

  @Test
  void givesFrustratedCustomersComplaintsOnCasesThatCrossDepartments() {
    List<Plan> frustrated =
        new Population(42, NOW)
            .generate(500, 12_000, "t").stream()
                .filter(p -> p.persona() == Persona.FRUSTRATED)
                .toList();
    assertThat(frustrated).isNotEmpty();
    for (Plan plan : frustrated) {
      assertThat(plan.cases()).isNotEmpty();
      assertThat(plan.cases().get(0).departments().size()).isGreaterThan(1);
      Map<InteractionType, Long> types =
          plan.interactions().stream()
              .collect(Collectors.groupingBy(Plan.PlannedInteraction::type, Collectors.counting()));
      assertThat(types).containsKey(InteractionType.COMPLAINT);
    }
  }
}
