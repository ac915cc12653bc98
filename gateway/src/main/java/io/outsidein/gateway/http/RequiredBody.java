package io.outsidein.gateway.http;

import io.outsidein.kit.problem.Problems;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An operation whose route takes the body (every public one that does requires it) answers 400 at
 * once when none came: empty, of length 0, or an empty chunked stream. Runs after the access
 * checks, so a caller without a valid key learns nothing more than 401.
 */
public class RequiredBody {

  @ServerRequestFilter(priority = Priorities.USER + 100)
  public Response refuseAnEmptyBody(
      ContainerRequestContext request, ResourceInfo resource, RoutingContext context) {
    if (resource.getResourceMethod() == null
        || !Arrays.asList(resource.getResourceMethod().getParameterTypes()).contains(byte[].class)
        || hasABody(context)) {
      return null;
    }
    return Problems.response(
        400,
        "missing-body",
        "Missing request body",
        "this operation needs a JSON request body; none was sent",
        request.getUriInfo());
  }

  /** {@link BodyReader} has read every body there is before routing. */
  private static boolean hasABody(RoutingContext context) {
    return context.body() != null
        && context.body().buffer() != null
        && context.body().buffer().length() > 0;
  }
}
