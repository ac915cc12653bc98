package io.outsidein.interaction.rest;

import io.outsidein.interaction.service.CaseDetails;
import io.outsidein.interaction.service.CaseService;
import io.outsidein.interaction.service.GestureService;
import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {
  private final CaseService cases;
  private final GestureService gestures;
  private final Clock clock;

  CaseResource(CaseService cases, GestureService gestures, Clock clock) {
    this.clock = clock;
    this.cases = cases;
    this.gestures = gestures;
  }

  @POST
  @Operation(summary = "Open a case", description = "The case starts OPEN, owned by department.")
  @APIResponse(
      responseCode = "201",
      description = "Opened; Location names it",
      content = @Content(schema = @Schema(implementation = CaseResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "Unknown or erased customer",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response open(
      @Valid @NotNull CaseRequests.Open request,
      @Parameter(description = "The caller, set by the gateway", example = "agent-desk")
          @HeaderParam(Params.ACTOR_HEADER)
          String actor) {
    CaseDetails opened =
        cases.open(
            request.customerId(),
            request.subject().strip(),
            request.department(),
            Params.actor(actor));
    return Response.created(URI.create("/cases/" + opened.supportCase().id))
        .entity(CaseResponse.from(opened))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read a case with its departments, handoffs and contact count")
  @APIResponse(
      responseCode = "200",
      description = "The case",
      content = @Content(schema = @Schema(implementation = CaseResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such case",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public CaseResponse get(@PathParam("id") UUID id) {
    return cases
        .find(id)
        .map(CaseResponse::from)
        .orElseThrow(() -> ProblemException.notFound("case", id));
  }

  @POST
  @Path("/{id}/handoffs")
  @Operation(summary = "Hand a case to another department", description = "Records from -> to.")
  @APIResponse(
      responseCode = "200",
      description = "The case after the handoff",
      content = @Content(schema = @Schema(implementation = CaseResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such case",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The case is resolved",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "The case is already with that department",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public CaseResponse handOff(
      @PathParam("id") UUID id,
      @Valid @NotNull CaseRequests.HandOff request,
      @HeaderParam(Params.ACTOR_HEADER) String actor) {
    return CaseResponse.from(
        cases.handOff(id, request.toDepartment(), request.note(), Params.actor(actor)));
  }

  @POST
  @Path("/{id}/resolution")
  @Operation(summary = "Resolve a case")
  @APIResponse(
      responseCode = "200",
      description = "The resolved case",
      content = @Content(schema = @Schema(implementation = CaseResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such case",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The case is already resolved",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public CaseResponse resolve(
      @PathParam("id") UUID id,
      @Valid @NotNull CaseRequests.Resolve request,
      @HeaderParam(Params.ACTOR_HEADER) String actor) {
    return CaseResponse.from(cases.resolve(id, request.resolution(), Params.actor(actor)));
  }

  @POST
  @Path("/{id}/gestures")
  @Operation(
      summary = "Grant a goodwill gesture on a case",
      description =
          "APPROVED at once within the latitude of the customer's segment (25.00 by default, in"
              + " units of any currency); above it, PENDING_APPROVAL until a supervisor decides.")
  @APIResponse(
      responseCode = "201",
      description = "Granted; status says whether it waits for a supervisor",
      content = @Content(schema = @Schema(implementation = GestureResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid amount",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such case",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The case is resolved",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response grant(
      @PathParam("id") UUID id,
      @Valid @NotNull GestureRequests.Grant request,
      @HeaderParam(Params.ACTOR_HEADER) String actor) {
    var gesture =
        gestures.grant(id, request.amount().toMoney(), request.reason(), Params.actor(actor));
    return Response.created(URI.create("/gestures/" + gesture.id))
        .entity(GestureResponse.from(gesture, clock.instant()))
        .build();
  }
}
