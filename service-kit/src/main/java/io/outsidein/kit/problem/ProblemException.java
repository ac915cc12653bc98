package io.outsidein.kit.problem;

import java.util.Map;

/**
 * A domain failure that answers with a problem: subclasses name the kind (not found, conflict...)
 * and one mapper turns them all into problem+json.
 */
public class ProblemException extends RuntimeException {
  /** RFC 9457's own members: an extension by one of these names would write it twice. */
  private static final java.util.Set<String> STANDARD =
      java.util.Set.of("type", "title", "status", "detail", "instance");

  private final int status;
  private final String slug;
  private final String title;
  private final Map<String, Object> extensions;

  public ProblemException(int status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  public ProblemException(
      int status, String slug, String title, String detail, Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
    extensions.keySet().stream()
        .filter(STANDARD::contains)
        .findAny()
        .ifPresent(
            name -> {
              throw new IllegalArgumentException("a problem's extension cannot be named " + name);
            });
    this.extensions = Map.copyOf(extensions);
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
  }

  public static ProblemException conflict(String detail, Map<String, Object> extensions) {
    return new ProblemException(409, "conflict", "Conflict", detail, extensions);
  }

  public static ProblemException unprocessable(String detail) {
    return new ProblemException(422, "unprocessable", "Unprocessable request", detail);
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "bad-request", "Bad request", detail);
  }
}
