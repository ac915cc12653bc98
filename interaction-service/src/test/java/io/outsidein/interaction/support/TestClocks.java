package io.outsidein.interaction.support;

import io.outsidein.testing.TestClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tests' movable clock, which replaces service-kit's default clock in every test. */
public class TestClocks {
  @Produces
  @Singleton
  TestClock clock() {
    return new TestClock();
  }
}
