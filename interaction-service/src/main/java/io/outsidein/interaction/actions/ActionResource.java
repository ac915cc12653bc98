package io.outsidein.interaction.actions;

import io.outsidein.interaction.rest.PageResponse;
import io.outsidein.interaction.rest.Params;
import io.outsidein.interaction.service.Cursor;
import io.outsidein.kit.problem.Problem;
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
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the front line did for a customer. */
@Path("/customers/{customerId}/actions")
@Tag(name = "Actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {
  private final ActionService actions;

  ActionResource(ActionService actions) {
    this.actions = actions;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record an action taken on a customer",
      description = "The actor (X-Actor) and the time are kept; an ActionTaken event follows.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = ActionResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Unknown code or invalid field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "Unknown or erased customer, unknown case, or a case of another customer",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response record(
      @PathParam("customerId") UUID customerId,
      @Valid @NotNull RecordActionRequest request,
      @Parameter(description = "The caller, set by the gateway", example = "agent-desk")
          @HeaderParam(Params.ACTOR_HEADER)
          String actor) {
    TakenAction taken =
        actions.record(
            customerId,
            request.code(),
            request.caseId(),
            request.note() == null || request.note().isBlank() ? null : request.note().strip(),
            Params.actor(actor));
    return Response.status(Response.Status.CREATED).entity(ActionResponse.from(taken)).build();
  }

  @GET
  @Operation(summary = "A customer's actions, newest first")
  @APIResponse(responseCode = "200", description = "{items, next}; next is null at the end")
  @APIResponse(
      responseCode = "400",
      description = "Limit over 200 or a corrupt cursor",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public PageResponse<ActionResponse> list(
      @PathParam("customerId") UUID customerId,
      @Parameter(description = "1 to 200, default 50", example = "50") @QueryParam("limit")
          String limit,
      @Parameter(description = "The `next` of the previous page") @QueryParam("cursor")
          String cursor) {
    return PageResponse.from(
        actions.ofCustomer(customerId, QueryParams.limit(limit), Cursor.decode(cursor)),
        ActionResponse::from);
  }
}
