package io.outsidein.gateway.routes;

import io.outsidein.gateway.auth.CallContext;
import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Outbound;
import io.outsidein.gateway.journey.JourneyService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

@Path("/api/v1/customers/{id}/journey")
@Produces(MediaType.APPLICATION_JSON)
public class JourneyRoutes {
  private final JourneyService journeys;
  private final CallContext call;

  JourneyRoutes(JourneyService journeys, CallContext call) {
    this.journeys = journeys;
    this.call = call;
  }

  @GET
  @Requires(Permission.READ_CUSTOMER_INSIGHTS)
  public CompletionStage<Response> journey(@PathParam("id") UUID id) {
    return journeys.journey(id, Outbound.of(call));
  }
}
