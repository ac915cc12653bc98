package io.outsidein.gateway.routes;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers")
@Tag(name = "Customers", description = "Customer profiles")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerRoutes {
  private final Forwarder forwarder;

  CustomerRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Register a customer")
  public CompletionStage<Response> register(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "POST", "/customers", body, headers);
  }

  @GET
  @Operation(summary = "Search customers")
  public CompletionStage<Response> search(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.CUSTOMER, "GET", Routes.withQuery("/customers", uri), null, headers);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read a customer")
  public CompletionStage<Response> get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "GET", "/customers/" + id, null, headers);
  }
}
