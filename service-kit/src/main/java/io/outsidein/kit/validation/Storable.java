package io.outsidein.kit.validation;

import java.time.Instant;
import java.util.Optional;

/**
 * What PostgreSQL can store faithfully: text without NUL or unpaired surrogates, and times in years
 * 1900 to 9999. Input outside these rules is refused at the edge, naming the field, instead of
 * failing in the database (a 500) or being stored altered.
 */
public final class Storable {
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  public static final String TEXT_MESSAGE =
      "must not contain NUL (\\u0000) or unpaired surrogate characters";
  public static final String TIME_MESSAGE = "must be a time in the years 1900 to 9999";

  private Storable() {}

  /** Why the text cannot be stored, or empty when it can (null is storable). */
  public static Optional<String> textProblem(String text) {
    return text == null || storable(text) ? Optional.empty() : Optional.of(TEXT_MESSAGE);
  }

  /** Why the time cannot be stored, or empty when it can (null is storable). */
  public static Optional<String> timeProblem(Instant time) {
    return time == null || (!time.isBefore(EARLIEST) && !time.isAfter(LATEST))
        ? Optional.empty()
        : Optional.of(TIME_MESSAGE);
  }

  private static boolean storable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
