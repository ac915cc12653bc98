package io.outsidein.kit.problem;

import io.outsidein.kit.database.DatabaseFailures;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A bug, not bad input: logged with the request id, answered with a plain 500 problem that shows
 * nothing of the internals.
 */
public class UnexpectedProblemMapper {
  private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

  @ServerExceptionMapper
  public Response map(RuntimeException e, UriInfo uri) {
    if (DatabaseFailures.isTransient(e)) {
      // Not a bug: the database is unreachable. Say so quickly and let the caller retry.
      LOG.warnf("database unavailable: %s", e.getMessage());
      return Response.fromResponse(
              Problems.response(
                  503,
                  "service-unavailable",
                  "Service unavailable",
                  "the service cannot reach its database right now; retry later",
                  uri))
          .header("Retry-After", "5")
          .build();
    }
    LOG.error("unexpected failure", e);
    return internalError(uri);
  }

  static Response internalError(UriInfo uri) {
    return Problems.response(
        500,
        "internal",
        "Internal error",
        "the request could not be completed; quote the X-Request-Id when reporting it",
        uri);
  }
}
