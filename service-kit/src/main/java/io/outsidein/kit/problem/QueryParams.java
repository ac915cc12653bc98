package io.outsidein.kit.problem;

import io.outsidein.kit.validation.Storable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Query parameters read by hand, so that a bad value is a 400 naming the parameter (a typed
 * {@code @QueryParam} that fails to convert answers 404). The one place that turns a bad parameter
 * into a problem.
 */
public final class QueryParams {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  private QueryParams() {}

  /**
   * The page size: absent means the default, anything but a whole number from 1 to 200 is refused.
   */
  public static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    if (value.matches("[0-9]{1,9}")) {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    }
    throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  /** A slug of a-z, 0-9 and - (a segment, a system name); null when absent. */
  public static String slug(String name, String value) {
    if (value != null && !value.matches("[a-z0-9-]{1,40}")) {
      throw invalid(name, "must be a slug of a-z, 0-9 and -");
    }
    return value;
  }

  /** An ISO-8601 UTC time within the years the database stores; null when absent. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    Instant time;
    try {
      time = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an ISO-8601 UTC time such as 2025-03-01T10:15:30Z");
    }
    Storable.timeProblem(time)
        .ifPresent(
            problem -> {
              throw invalid(name, problem);
            });
    return time;
  }

  /** One of the enum's constants, spelled exactly; null when absent. */
  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
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

  /** A 400 validation problem for one parameter, shaped like Bean Validation's. */
  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        400,
        "validation",
        "Invalid request",
        field + ": " + message,
        Map.of("errors", List.of(new Problem.FieldError(field, message))));
  }
}
