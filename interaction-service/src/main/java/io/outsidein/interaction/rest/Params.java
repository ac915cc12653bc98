package io.outsidein.interaction.rest;

import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Query parameters and headers read by hand, so that a bad value is a 400 naming it, not a 404. */
final class Params {
  static final String ACTOR_HEADER = "X-Actor";
  static final String UNKNOWN_ACTOR = "unknown";
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private Params() {}

  /** The caller the gateway names in X-Actor; "unknown" when it names none. */
  static String actor(String header) {
    if (header == null || header.isBlank()) {
      return UNKNOWN_ACTOR;
    }
    String clean = header.strip().replaceAll("\\p{Cntrl}", "");
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }

  static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  static Instant instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an ISO-8601 UTC time such as 2025-03-01T10:15:30Z");
    }
  }

  static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw invalid(
          name,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  static ProblemException invalid(String field, String message) {
    // The "errors" member mirrors Bean Validation's problems: [{field, message}].
    return new ProblemException(
        400,
        "validation",
        "Invalid request",
        field + ": " + message,
        Map.of("errors", List.of(new Problem.FieldError(field, message))));
  }
}
