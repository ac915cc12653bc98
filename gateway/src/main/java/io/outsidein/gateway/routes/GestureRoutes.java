package io.outsidein.gateway.routes;

import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.gateway.api.CaseSchemas.Gesture;
import io.outsidein.gateway.api.CaseSchemas.GestureDecision;
import io.outsidein.gateway.api.CaseSchemas.GesturePage;
import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import io.outsidein.gateway.openapi.PublicApiFilter;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/gestures")
@Tag(name = "Gestures", description = "Goodwill gestures and their approval")
@Produces(MediaType.APPLICATION_JSON)
public class GestureRoutes {
  private final Forwarder forwarder;

  GestureRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @GET
  @Requires(Permission.READ_GESTURES)
  @Operation(summary = "List gestures, for example those pending approval")
  @Parameter(
      name = "status",
      in = ParameterIn.QUERY,
      schema = @Schema(implementation = GestureStatus.class))
  @Parameter(name = "limit", in = ParameterIn.QUERY, ref = PublicApiFilter.LIMIT)
  @Parameter(name = "cursor", in = ParameterIn.QUERY, ref = PublicApiFilter.CURSOR)
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = GesturePage.class)))
  public CompletionStage<Response> list(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "GET", Routes.withQuery("/gestures", uri), null, headers);
  }

  @POST
  @Path("/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.DECIDE_GESTURES)
  @Operation(summary = "Approve or reject a gesture above the latitude (supervisor)")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = GestureDecision.class),
              examples =
                  @ExampleObject(
                      name = "approve",
                      value = "{\"approve\":true,\"note\":\"Loyal customer\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The decided gesture",
      content = @Content(schema = @Schema(implementation = Gesture.class)))
  @APIResponse(responseCode = "404", description = "Unknown gesture")
  @APIResponse(responseCode = "409", description = "The gesture is not pending approval")
  public CompletionStage<Response> decide(
      @Parameter(example = Routes.UUID_EXAMPLE) @PathParam("id") UUID id,
      byte[] body,
      @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "POST", "/gestures/" + id + "/decision", body, headers);
  }
}
