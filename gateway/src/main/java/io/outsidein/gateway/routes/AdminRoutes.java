package io.outsidein.gateway.routes;

import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Rebuilds of insight's read model: a job started here and followed at its own resource. */
@ForwardedTo(Upstream.INSIGHT)
@Path("/api/v1/admin/insights/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRoutes {
  private final Forwarder forwarder;

  AdminRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Requires(Permission.REBUILD_INSIGHTS)
  public CompletionStage<Response> startInsightRebuild(@Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INSIGHT, "POST", "/admin/insights/rebuilds", null, headers);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.REBUILD_INSIGHTS)
  public CompletionStage<Response> getInsightRebuild(
      @PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", "/admin/insights/rebuilds/" + id, null, headers);
  }
}
