package io.outsidein.gateway;

import io.outsidein.gateway.auth.Role;

/** The test profile's API keys: {@code test-<role>-key} (see application.properties). */
public final class TestKeys {
  private TestKeys() {}

  public static String of(Role role) {
    return "test-" + role.configName() + "-key";
  }

  public static String bearer(Role role) {
    return "Bearer " + of(role);
  }
}
