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
@Path("/api/v1/interactions")
@Produces(MediaType.APPLICATION_JSON)
public class InteractionRoutes {
  private static final String EXAMPLE =
      "{\"customerId\":\"6f1c2d4e-8a0b-4c5d-9e7f-102030405060\",\"channel\":\"PHONE\","
          + "\"department\":\"SUPPORT\",\"type\":\"COMPLAINT\",\"summary\":\"Parcel late\","
          + "\"rating\":{\"scale\":\"CSAT\",\"score\":2},\"sentiment\":-0.6}";
  private final Forwarder forwarder;

  InteractionRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.RECORD_INTERACTIONS)
  public CompletionStage<Response> record(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "POST", "/interactions", body, headers);
  }

  @POST
  @Path("/batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.RECORD_INTERACTION_BATCHES)
  public CompletionStage<Response> recordBatch(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "POST", "/interactions/batch", body, headers);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.READ_INTERACTIONS)
  public CompletionStage<Response> get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "GET", "/interactions/" + id, null, headers);
  }
}
