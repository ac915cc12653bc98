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

/** Experiments (insight-service): analysts design, start and stop them. */
@ForwardedTo(Upstream.INSIGHT)
@Path("/api/v1/experiments")
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentRoutes {
  private final Forwarder forwarder;

  ExperimentRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.DESIGN_EXPERIMENTS)
  public CompletionStage<Response> design(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INSIGHT, "POST", "/experiments", body, headers);
  }

  @GET
  @Requires(Permission.READ_EXPERIMENTS)
  public CompletionStage<Response> list(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", Routes.withQuery("/experiments", uri), null, headers);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.READ_EXPERIMENTS)
  public CompletionStage<Response> get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INSIGHT, "GET", "/experiments/" + id, null, headers);
  }

  @POST
  @Path("/{id}/stop")
  @Requires(Permission.DESIGN_EXPERIMENTS)
  public CompletionStage<Response> stop(@PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "POST", "/experiments/" + id + "/stop", null, headers);
  }

  @GET
  @Path("/{id}/results")
  @Requires(Permission.READ_EXPERIMENT_RESULTS)
  public CompletionStage<Response> results(@PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", "/experiments/" + id + "/results", null, headers);
  }
}
