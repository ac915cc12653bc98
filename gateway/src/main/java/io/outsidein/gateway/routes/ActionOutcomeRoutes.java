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

/** What followed the actions taken, per action and segment (insight-service). */
@ForwardedTo(Upstream.INSIGHT)
@Path("/api/v1/insights/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionOutcomeRoutes {
  private final Forwarder forwarder;

  ActionOutcomeRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @GET
  @Requires(Permission.READ_ACTION_OUTCOMES)
  public CompletionStage<Response> outcomes(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", Routes.withQuery("/insights/actions", uri), null, headers);
  }
}
