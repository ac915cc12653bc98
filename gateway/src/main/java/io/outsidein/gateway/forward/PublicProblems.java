package io.outsidein.gateway.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outsidein.kit.problem.Problem;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Problems the gateway answers on its own behalf or passes on from a service. */
public final class PublicProblems {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final PublicAnswer SERVICE_UNAVAILABLE =
      problem(
              503,
              "service-unavailable",
              "Service unavailable",
              "an internal service is unavailable; retry later")
          .with("Retry-After", "5");
  static final PublicAnswer BAD_GATEWAY =
      problem(
          502, "bad-gateway", "Bad gateway", "an internal service failed to answer this request");
  static final PublicAnswer GATEWAY_TIMEOUT =
      problem(
          504, "gateway-timeout", "Gateway timeout", "an internal service did not answer in time");

  private PublicProblems() {}

  /**
   * A bug, not bad input: the answer service-kit's UnexpectedProblemMapper gives the REST layer.
   */
  public static PublicAnswer internalError(String publicPath) {
    return problem(
        500,
        "internal",
        "Internal error",
        "the request could not be completed; quote the X-Request-Id when reporting it",
        publicPath);
  }

  /** A service's 4xx problem, with its internal details stripped. */
  public static Response passThrough(int status, byte[] body, String publicPath) {
    return passedThrough(status, body, publicPath).toResponse();
  }

  static PublicAnswer passedThrough(int status, byte[] body, String publicPath) {
    return new PublicAnswer(
        status,
        Problem.MEDIA_TYPE,
        Buffer.buffer(ProblemSanitizer.sanitize(body, status, publicPath)),
        List.of());
  }

  public static Response serviceUnavailable() {
    return SERVICE_UNAVAILABLE.toResponse();
  }

  /** Written once: these answers name no request, so their bodies never change. */
  private static PublicAnswer problem(int status, String slug, String title, String detail) {
    return problem(status, slug, title, detail, null);
  }

  private static PublicAnswer problem(
      int status, String slug, String title, String detail, String instance) {
    Problem problem =
        new Problem(
            URI.create(Problem.TYPE_BASE + slug),
            title,
            status,
            detail,
            instance,
            List.of(),
            Map.of());
    try {
      return new PublicAnswer(
          status, Problem.MEDIA_TYPE, Buffer.buffer(JSON.writeValueAsBytes(problem)), List.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem always serialises", e);
    }
  }
}
