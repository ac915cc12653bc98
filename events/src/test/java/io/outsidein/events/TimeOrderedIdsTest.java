package io.outsidein.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void isAVersion7UuidCarryingItsMillisecond() {
    long millis = 1_763_857_200_123L;
    UUID id = TimeOrderedIds.at(millis);

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
  }

  @Test
  void sortsByMillisecondAsPostgresqlComparesUuidsByteByByte() {
    UUID earlier = TimeOrderedIds.at(1_000_000L);
    UUID later = TimeOrderedIds.at(1_000_001L);
    // PostgreSQL orders uuids as unsigned bytes, which is the order of their text form.
    assertThat(earlier.toString()).isLessThan(later.toString());
  }

  @Test
  void keepsItsRandomPartRandom() {
    Set<UUID> ids = new HashSet<>();
    Set<Long> randomParts = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = TimeOrderedIds.at(42L);
      ids.add(id);
      randomParts.add(id.getLeastSignificantBits());
    }
    assertThat(ids).hasSize(10_000);
    assertThat(randomParts).hasSize(10_000);
  }
}
