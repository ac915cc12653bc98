package io.outsidein.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void readsEachOptionOverTheDefaults() {
    DemoOptions o = DemoOptions.parse("--customers", "40", "--story", "false", "--seed", "7");
    assertThat(o.customers()).isEqualTo(40);
    assertThat(o.story()).isFalse();
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.interactions()).isEqualTo(DemoOptions.DEFAULTS.interactions());
    assertThat(DemoOptions.DEFAULTS.story()).isTrue();
  }

  @Test
  void refusesUnknownOrIncompleteOptions() {
    assertThatThrownBy(() -> DemoOptions.parse("--people", "3"))
        .hasMessageContaining("unknown option --people");
    assertThatThrownBy(() -> DemoOptions.parse("--customers"))
        .hasMessageContaining("needs a value");
  }

  @Test
  void quotasRoundToTheNearestCustomer() {
    assertThat(DemoStory.quota(7, 85)).isEqualTo(6);
    assertThat(DemoStory.quota(0, 60)).isZero();
    assertThat(DemoStory.quota(13, 15)).isEqualTo(2);
  }
}
