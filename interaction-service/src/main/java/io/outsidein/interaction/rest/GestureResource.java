package io.outsidein.interaction.rest;

import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.interaction.service.Cursor;
import io.outsidein.interaction.service.GestureService;
import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.kit.problem.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/gestures")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GestureResource {
  private final GestureService gestures;
  private final Clock clock;

  GestureResource(GestureService gestures, Clock clock) {
    this.clock = clock;
    this.gestures = gestures;
  }

  @GET
  @Operation(
      summary = "Gestures, newest first; PENDING_APPROVAL oldest first",
      description =
          "status=PENDING_APPROVAL is a supervisor's queue: oldest first, each with its age.")
  @APIResponse(responseCode = "200", description = "{items, next}; next is null at the end")
  @APIResponse(
      responseCode = "400",
      description = "Bad status, limit over 200 or a corrupt cursor",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public PageResponse<GestureResponse> list(
      @Parameter(example = "PENDING_APPROVAL") @QueryParam("status") String status,
      @Parameter(description = "1 to 200, default 50", example = "50") @QueryParam("limit")
          String limit,
      @Parameter(description = "The `next` of the previous page") @QueryParam("cursor")
          String cursor) {
    Instant now = clock.instant();
    return PageResponse.from(
        gestures.list(
            QueryParams.enumValue("status", status, GestureStatus.class),
            QueryParams.limit(limit),
            Cursor.decode(cursor)),
        g -> GestureResponse.from(g, now));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read a gesture")
  @APIResponse(
      responseCode = "200",
      description = "The gesture",
      content = @Content(schema = @Schema(implementation = GestureResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such gesture",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public GestureResponse get(@PathParam("id") UUID id) {
    return gestures
        .find(id)
        .map(g -> GestureResponse.from(g, clock.instant()))
        .orElseThrow(() -> ProblemException.notFound("gesture", id));
  }

  @POST
  @Path("/{id}/decision")
  @Operation(
      summary = "Approve or reject a gesture above the latitude",
      description = "For supervisors (the gateway enforces the role). A gesture is decided once.")
  @APIResponse(
      responseCode = "200",
      description = "APPROVED or REJECTED, with who decided",
      content = @Content(schema = @Schema(implementation = GestureResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such gesture",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Already decided, or approved at once",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public GestureResponse decide(
      @PathParam("id") UUID id,
      @Valid @NotNull GestureRequests.Decision request,
      @Parameter(description = "The caller, set by the gateway", example = "supervisor-desk")
          @HeaderParam(Params.ACTOR_HEADER)
          String actor) {
    return GestureResponse.from(
        gestures.decide(id, request.approve(), request.note(), Params.actor(actor)),
        clock.instant());
  }
}
