package io.outsidein.gateway.auth;

import java.util.Arrays;
import java.util.Locale;

/** The one role an API key has; see the role table in the gateway README. */
public enum Role {
  AGENT,
  SUPERVISOR,
  ANALYST,
  INTEGRATION,
  ADMIN;

  /** The name used in configuration, for example {@code agent}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String value) {
    return Arrays.stream(values())
        .filter(r -> r.configName().equalsIgnoreCase(value.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown role '" + value + "': use one of " + Arrays.toString(values())));
  }
}
