package io.outsidein.gateway.routes;

import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Actions taken on a customer (interaction-service). */
@ForwardedTo(Upstream.INTERACTION)
@Path("/api/v1/customers/{id}/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionRoutes {
  private final Forwarder forwarder;

  ActionRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.RECORD_ACTIONS)
  public CompletionStage<Response> record(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "POST", "/customers/" + id + "/actions", body, headers);
  }

  @GET
  @Requires(Permission.READ_ACTIONS)
  public CompletionStage<Response> list(
      @PathParam("id") UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION,
        "GET",
        Routes.withQuery("/customers/" + id + "/actions", uri),
        null,
        headers);
  }
}
