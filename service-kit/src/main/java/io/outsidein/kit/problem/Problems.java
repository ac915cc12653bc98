package io.outsidein.kit.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses; the one place that knows the problem format. */
public final class Problems {
  private Problems() {}

  public static Response response(
      int status,
      String slug,
      String title,
      String detail,
      UriInfo uri,
      List<Problem.FieldError> errors,
      Map<String, Object> extensions) {
    Problem problem =
        new Problem(
            URI.create(Problem.TYPE_BASE + slug),
            title,
            status,
            detail,
            uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""),
            errors,
            extensions);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  public static Response response(
      int status, String slug, String title, String detail, UriInfo uri) {
    return response(status, slug, title, detail, uri, List.of(), Map.of());
  }

  public static Response invalid(List<Problem.FieldError> errors, UriInfo uri) {
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse(null);
    return response(400, "validation", "Invalid request", detail, uri, errors, Map.of());
  }
}
