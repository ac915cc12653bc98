package io.outsidein.gateway.routes;

import io.outsidein.gateway.api.JourneySchemas.CustomerJourney;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}/journey")
@Tag(name = "Customers")
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
  @Operation(
      summary = "A customer's whole journey in one call",
      description =
          "The customer, their insights, open cases and latest 50 interactions, read in parallel."
              + " When a service is down or slow the answer still comes within about a second, with"
              + " that part null and named in degraded. A merged customer answers with the"
              + " survivor's journey.")
  @APIResponse(
      responseCode = "200",
      description = "The journey, complete or degraded",
      content = @Content(schema = @Schema(implementation = CustomerJourney.class)))
  @APIResponse(responseCode = "404", description = "Unknown customer")
  @APIResponse(responseCode = "410", description = "Erased customer")
  public CompletionStage<Response> journey(
      @Parameter(example = Routes.UUID_EXAMPLE) @PathParam("id") UUID id) {
    return journeys.journey(id, Outbound.of(call));
  }
}
