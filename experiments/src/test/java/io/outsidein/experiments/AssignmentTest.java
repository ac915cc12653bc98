package io.outsidein.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.outsidein.experiments.Assignment.Arm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  private static final UUID EXPERIMENT = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final int CUSTOMERS = 100_000;

  private static List<UUID> customers(long seed) {
    Random random = new Random(seed);
    return java.util.stream.Stream.generate(() -> new UUID(random.nextLong(), random.nextLong()))
        .limit(CUSTOMERS)
        .toList();
  }

  /**
   * The point is the first 53 bits of SHA-256 over the 16 bytes of each id, as any language
   * computes it; these values come from Python's hashlib: {@code (int.from_bytes(sha256(e.bytes +
   * c.bytes).digest()[:8], 'big') >> 11) / 2**53}.
   */
  @Test
  void placesACustomerWhereAnyOtherServiceOrLanguageWould() {
    assertThat(
            Assignment.position(
                EXPERIMENT, UUID.fromString("6f1c2d4e-8a0b-4c5d-9e7f-102030405060")))
        .isEqualTo(0.4170395988107678);
    assertThat(
            Assignment.position(
                EXPERIMENT, UUID.fromString("0b7e2f40-1c8d-4f5e-a9b0-c1d2e3f40516")))
        .isEqualTo(0.771612209078018);
  }

  @Test
  void givesACustomerTheSameArmEveryTime() {
    List<Arm> arms = List.of(new Arm("control", 1), new Arm("callBack", 1));
    for (UUID customer : customers(7).subList(0, 1000)) {
      Arm first = Assignment.armOf(EXPERIMENT, customer, arms);
      assertThat(Assignment.armOf(EXPERIMENT, customer, List.copyOf(arms))).isEqualTo(first);
    }
    assertThat(
            Assignment.armOf(
                    EXPERIMENT, UUID.fromString("6f1c2d4e-8a0b-4c5d-9e7f-102030405060"), arms)
                .name())
        .isEqualTo("control");
    assertThat(
            Assignment.armOf(
                    EXPERIMENT, UUID.fromString("0b7e2f40-1c8d-4f5e-a9b0-c1d2e3f40516"), arms)
                .name())
        .isEqualTo("callBack");
  }

  /**
   * Over 100,000 customers each arm's share is its weight's share within 0.01: with binomial
   * sampling the standard error is at most 0.0016, so 0.01 is more than six of them.
   */
  @Test
  void respectsTheWeightsOverAHundredThousandCustomers() {
    List<Arm> arms = List.of(new Arm("control", 1), new Arm("small", 1), new Arm("large", 2));
    Map<String, Integer> counts = new HashMap<>();
    for (UUID customer : customers(42)) {
      counts.merge(Assignment.armOf(EXPERIMENT, customer, arms).name(), 1, Integer::sum);
    }
    assertThat(counts.get("control") / (double) CUSTOMERS).isCloseTo(0.25, within(0.01));
    assertThat(counts.get("small") / (double) CUSTOMERS).isCloseTo(0.25, within(0.01));
    assertThat(counts.get("large") / (double) CUSTOMERS).isCloseTo(0.50, within(0.01));

    List<Arm> uneven = List.of(new Arm("control", 9), new Arm("treated", 1));
    long treated =
        customers(43).stream()
            .filter(c -> Assignment.armOf(EXPERIMENT, c, uneven).name().equals("treated"))
            .count();
    assertThat(treated / (double) CUSTOMERS).isCloseTo(0.10, within(0.01));
  }

  /** Being treated in one experiment says nothing about another: the arms cross evenly. */
  @Test
  void assignsIndependentlyInTwoExperiments() {
    UUID other = UUID.fromString("00000000-0000-4000-8000-000000000002");
    List<Arm> arms = List.of(new Arm("control", 1), new Arm("treated", 1));
    long both =
        customers(44).stream()
            .filter(
                c ->
                    Assignment.armOf(EXPERIMENT, c, arms).name().equals("treated")
                        && Assignment.armOf(other, c, arms).name().equals("treated"))
            .count();
    assertThat(both / (double) CUSTOMERS).isCloseTo(0.25, within(0.01));
  }

  @Test
  void refusesAnExperimentWithoutArmsAndArmsWithoutWeight() {
    assertThatThrownBy(() -> Assignment.armOf(EXPERIMENT, UUID.randomUUID(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Arm("control", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Arm(" ", 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
