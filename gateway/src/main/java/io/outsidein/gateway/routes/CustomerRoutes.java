package io.outsidein.gateway.routes;

import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import io.outsidein.kit.problem.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

@ForwardedTo(Upstream.CUSTOMER)
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerRoutes {
  private final Forwarder forwarder;

  CustomerRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WRITE_CUSTOMERS)
  public CompletionStage<Response> register(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "POST", "/customers", body, headers);
  }

  @GET
  @Requires(Permission.READ_CUSTOMERS)
  public CompletionStage<Response> search(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.CUSTOMER, "GET", Routes.withQuery("/customers", uri), null, headers);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.READ_CUSTOMERS)
  public CompletionStage<Response> get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "GET", "/customers/" + id, null, headers);
  }

  @PATCH
  @Path("/{id}")
  @Consumes({Routes.MERGE_PATCH, MediaType.APPLICATION_JSON})
  @Requires(Permission.WRITE_CUSTOMERS)
  public CompletionStage<Response> update(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "PATCH", "/customers/" + id, body, headers);
  }

  @DELETE
  @Path("/{id}")
  // A 204 has no body, so a client generated from the document accepts only its problems.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Requires(Permission.ERASE_CUSTOMERS)
  public CompletionStage<Response> erase(@PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "DELETE", "/customers/" + id, null, headers);
  }

  @POST
  @Path("/{id}/merge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MERGE_CUSTOMERS)
  public CompletionStage<Response> merge(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.CUSTOMER, "POST", "/customers/" + id + "/merge", body, headers);
  }

  @GET
  @Path("/{id}/interactions")
  @ForwardedTo(Upstream.INTERACTION)
  @Requires(Permission.READ_INTERACTIONS)
  public CompletionStage<Response> interactions(
      @PathParam("id") UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION,
        "GET",
        Routes.withQuery("/customers/" + id + "/interactions", uri),
        null,
        headers);
  }

  @GET
  @Path("/{id}/cases")
  @ForwardedTo(Upstream.INTERACTION)
  @Requires(Permission.READ_CASES)
  public CompletionStage<Response> cases(
      @PathParam("id") UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION,
        "GET",
        Routes.withQuery("/customers/" + id + "/cases", uri),
        null,
        headers);
  }

  @GET
  @Path("/{id}/goodwill")
  @ForwardedTo(Upstream.INTERACTION)
  @Requires(Permission.READ_GESTURES)
  public CompletionStage<Response> goodwill(
      @PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "GET", "/customers/" + id + "/goodwill", null, headers);
  }

  @GET
  @Path("/{id}/insights")
  @ForwardedTo(Upstream.INSIGHT)
  @Requires(Permission.READ_CUSTOMER_INSIGHTS)
  public CompletionStage<Response> insights(
      @PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", "/customers/" + id + "/insights", null, headers);
  }
}
