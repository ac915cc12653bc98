package io.outsidein.kit.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain failures: their own status, title and extension members. */
public class ProblemExceptionMapper {
  @ServerExceptionMapper
  public Response map(ProblemException e, UriInfo uri) {
    return Problems.response(
        e.status(), e.slug(), e.title(), e.getMessage(), uri, java.util.List.of(), e.extensions());
  }
}
