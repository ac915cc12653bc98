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
import java.util.UUID;
import java.util.concurrent.CompletionStage;

@ForwardedTo(Upstream.INTERACTION)
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseRoutes {
  private final Forwarder forwarder;

  CaseRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORK_CASES)
  public CompletionStage<Response> open(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "POST", "/cases", body, headers);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.READ_CASES)
  public CompletionStage<Response> get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "GET", "/cases/" + id, null, headers);
  }

  @POST
  @Path("/{id}/handoffs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORK_CASES)
  public CompletionStage<Response> handOff(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "POST", "/cases/" + id + "/handoffs", body, headers);
  }

  @POST
  @Path("/{id}/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORK_CASES)
  public CompletionStage<Response> resolve(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "POST", "/cases/" + id + "/resolution", body, headers);
  }

  @POST
  @Path("/{id}/gestures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.GRANT_GESTURES)
  public CompletionStage<Response> grantGesture(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "POST", "/cases/" + id + "/gestures", body, headers);
  }
}
