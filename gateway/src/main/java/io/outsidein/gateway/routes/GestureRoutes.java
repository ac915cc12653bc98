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

@ForwardedTo(Upstream.INTERACTION)
@Path("/api/v1/gestures")
@Produces(MediaType.APPLICATION_JSON)
public class GestureRoutes {
  private final Forwarder forwarder;

  GestureRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @GET
  @Requires(Permission.READ_GESTURES)
  public CompletionStage<Response> list(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "GET", Routes.withQuery("/gestures", uri), null, headers);
  }

  @POST
  @Path("/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.DECIDE_GESTURES)
  public CompletionStage<Response> decide(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "POST", "/gestures/" + id + "/decision", body, headers);
  }
}
