package io.outsidein.gateway.routes;

import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;

@ForwardedTo(Upstream.INSIGHT)
@Path("/api/v1/insights")
@Produces(MediaType.APPLICATION_JSON)
public class InsightRoutes {
  private final Forwarder forwarder;

  InsightRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @GET
  @Path("/segments")
  @Requires(Permission.READ_AGGREGATE_INSIGHTS)
  public CompletionStage<Response> segments(@Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INSIGHT, "GET", "/insights/segments", null, headers);
  }

  @GET
  @Path("/at-risk")
  @Requires(Permission.READ_AGGREGATE_INSIGHTS)
  public CompletionStage<Response> atRisk(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", Routes.withQuery("/insights/at-risk", uri), null, headers);
  }

  @GET
  @Path("/journeys")
  @Requires(Permission.READ_AGGREGATE_INSIGHTS)
  public CompletionStage<Response> journeys(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", Routes.withQuery("/insights/journeys", uri), null, headers);
  }
}
