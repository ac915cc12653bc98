package io.outsidein.kit.problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the version a caller expects from {@code If-Match}: the strong ETag {@code "<version>"} the
 * resource answered with. Missing is 428; anything else that is not such an ETag is 412, since it
 * cannot match the current version.
 */
public final class IfMatch {
  private static final Pattern STRONG_ETAG = Pattern.compile("\"([0-9]{1,18})\"");

  private IfMatch() {}

  /**
   * @param what the resource, as the problem names it, for example "the customer's"
   */
  public static long expectedVersion(String ifMatch, String what) {
    return expectedVersion(ifMatch, what, Long.MAX_VALUE);
  }

  /** As above, for versions that never exceed {@code max}: a greater one cannot match (412). */
  public static long expectedVersion(String ifMatch, String what, long max) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          428,
          "precondition-required",
          "Precondition required",
          "If-Match with " + what + " ETag is required");
    }
    Matcher matcher = STRONG_ETAG.matcher(ifMatch.strip());
    if (!matcher.matches() || Long.parseLong(matcher.group(1)) > max) {
      throw new ProblemException(
          412,
          "precondition-failed",
          "Precondition failed",
          "If-Match must be " + what + " current ETag, for example \"3\"");
    }
    return Long.parseLong(matcher.group(1));
  }
}
