package io.outsidein.gateway.routes;

import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/** The goodwill policy, owned by interaction-service: read by the front line, changed by admins. */
@ForwardedTo(Upstream.INTERACTION)
@Path("/api/v1/policies/goodwill")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyRoutes {
  private static final String POLICY = "/policies/goodwill";

  private final Forwarder forwarder;

  PolicyRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @GET
  @Requires(Permission.READ_GOODWILL_POLICY)
  public CompletionStage<Response> current(@Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "GET", POLICY, null, headers);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.CHANGE_GOODWILL_POLICY)
  public CompletionStage<Response> change(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "PUT", POLICY, body, headers);
  }

  @GET
  @Path("/versions")
  @Requires(Permission.READ_GOODWILL_POLICY)
  public CompletionStage<Response> versions(@Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "GET", POLICY + "/versions", null, headers);
  }
}
