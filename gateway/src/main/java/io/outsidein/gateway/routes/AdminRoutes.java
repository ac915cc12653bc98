package io.outsidein.gateway.routes;

import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRoutes {
  private final Forwarder forwarder;

  AdminRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Path("/insights/rebuild")
  @Requires(Permission.REBUILD_INSIGHTS)
  public CompletionStage<Response> rebuildInsights(@Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INSIGHT, "POST", "/admin/rebuild", null, headers);
  }
}
