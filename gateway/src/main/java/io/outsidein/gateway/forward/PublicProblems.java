package io.outsidein.gateway.forward;

import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.problem.Problems;
import jakarta.ws.rs.core.Response;

/** Problems the gateway answers on its own behalf or passes on from a service. */
public final class PublicProblems {
  private PublicProblems() {}

  /** A service's 4xx problem, with its internal details stripped. */
  public static Response passThrough(int status, byte[] body, String publicPath) {
    return Response.status(status)
        .entity(ProblemSanitizer.sanitize(body, status, publicPath))
        .type(Problem.MEDIA_TYPE)
        .build();
  }

  public static Response serviceUnavailable() {
    return Response.fromResponse(
            Problems.response(
                503,
                "service-unavailable",
                "Service unavailable",
                "an internal service is unavailable; retry later",
                null))
        .header("Retry-After", 5)
        .build();
  }
}
