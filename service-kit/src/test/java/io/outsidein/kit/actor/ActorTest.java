package io.outsidein.kit.actor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActorTest {

  @AfterEach
  void forget() {
    Actor.set(null);
  }

  @Test
  void keepsANamedActorWithoutItsSurroundingSpace() {
    assertThat(Actor.accept("  agent-desk ")).isEqualTo("agent-desk");
  }

  @Test
  void takesNoActorFromAMissingOrBlankHeader() {
    assertThat(Actor.accept(null)).isNull();
    assertThat(Actor.accept("   ")).isNull();
    assertThat(Actor.accept("\u0007\u0000")).isNull();
  }

  @Test
  void dropsControlCharactersSoNoLogLineOrColumnCanBeForged() {
    assertThat(Actor.accept("agent\n12:00 INFO forged")).isEqualTo("agent12:00 INFO forged");
  }

  @Test
  void cutsAnActorToTheWidthOfTheColumnsThatRecordIt() {
    assertThat(Actor.accept("a".repeat(300))).hasSize(Actor.MAX_LENGTH);
  }

  @Test
  void recordsUnknownForAChangeByACallThatNamedNobody() {
    assertThat(Actor.currentOrUnknown()).isEqualTo(Actor.UNKNOWN);
    Actor.set("supervisor-desk");
    assertThat(Actor.current()).isEqualTo("supervisor-desk");
    assertThat(Actor.currentOrUnknown()).isEqualTo("supervisor-desk");
  }
}
