package io.outsidein.interaction.rest;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.interaction.domain.CaseStatus;
import io.outsidein.interaction.service.CaseService;
import io.outsidein.interaction.service.Cursor;
import io.outsidein.interaction.service.GestureService;
import io.outsidein.interaction.service.InteractionService;
import io.outsidein.interaction.service.TimelineFilter;
import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.problem.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's touchpoints and cases, newest first, and what the caller may still give them. */
@Path("/customers/{customerId}")
@Tag(name = "Interactions")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerRecordsResource {
  private final InteractionService interactions;
  private final CaseService cases;
  private final GestureService gestures;
  private final Clock clock;

  CustomerRecordsResource(
      InteractionService interactions, CaseService cases, GestureService gestures, Clock clock) {
    this.interactions = interactions;
    this.cases = cases;
    this.gestures = gestures;
    this.clock = clock;
  }

  @GET
  @Path("/goodwill")
  @Operation(
      summary = "What may I still give this customer?",
      description =
          "For the caller (X-Actor), now, per currency of the current policy: the latitude for the"
              + " customer's segment, what is left of the customer's window and of the caller's"
              + " month, and the most one gesture may be and be approved at once; plus the"
              + " customer's last 10 gestures with who granted and decided them. A merged"
              + " customer's standing is the survivor's.")
  @APIResponse(
      responseCode = "200",
      description = "The caller's standing",
      content = @Content(schema = @Schema(implementation = GoodwillStandingResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "Neither this service nor customer-service knows the customer",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "410",
      description = "The customer was erased",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public GoodwillStandingResponse goodwill(
      @PathParam("customerId") UUID customerId,
      @Parameter(description = "The caller, set by the gateway", example = "agent-desk")
          @HeaderParam(Params.ACTOR_HEADER)
          String actor) {
    return GoodwillStandingResponse.from(
        gestures.standing(customerId, Params.actor(actor), LAST_GESTURES), clock.instant());
  }

  /** How many of the customer's gestures the goodwill standing shows. */
  static final int LAST_GESTURES = 10;

  @GET
  @Path("/interactions")
  @Operation(
      summary = "A customer's touchpoints, newest first",
      description = "Keyset pagination: pass `next` as `cursor` to read the following page.")
  @APIResponse(responseCode = "200", description = "{items, next}; next is null at the end")
  @APIResponse(
      responseCode = "400",
      description = "Bad filter, limit over 200 or a corrupt cursor",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public PageResponse<InteractionResponse> interactions(
      @PathParam("customerId") UUID customerId,
      @Parameter(description = "From this time, inclusive", example = "2025-01-01T00:00:00Z")
          @QueryParam("from")
          String from,
      @Parameter(description = "Before this time, exclusive", example = "2025-04-01T00:00:00Z")
          @QueryParam("to")
          String to,
      @Parameter(example = "SUPPORT") @QueryParam("department") String department,
      @Parameter(example = "PHONE") @QueryParam("channel") String channel,
      @Parameter(example = "COMPLAINT") @QueryParam("type") String type,
      @Parameter(description = "1 to 200, default 50", example = "50") @QueryParam("limit")
          String limit,
      @Parameter(description = "The `next` of the previous page") @QueryParam("cursor")
          String cursor) {
    TimelineFilter filter =
        new TimelineFilter(
            QueryParams.instant("from", from),
            QueryParams.instant("to", to),
            QueryParams.enumValue("department", department, Department.class),
            QueryParams.enumValue("channel", channel, Channel.class),
            QueryParams.enumValue("type", type, InteractionType.class));
    return PageResponse.from(
        interactions.timeline(customerId, filter, QueryParams.limit(limit), Cursor.decode(cursor)),
        InteractionResponse::from);
  }

  @GET
  @Path("/cases")
  @Operation(summary = "A customer's cases, newest first")
  @APIResponse(responseCode = "200", description = "{items, next}; next is null at the end")
  @APIResponse(
      responseCode = "400",
      description = "Bad status, limit over 200 or a corrupt cursor",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public PageResponse<CaseResponse> cases(
      @PathParam("customerId") UUID customerId,
      @Parameter(example = "OPEN") @QueryParam("status") String status,
      @Parameter(description = "1 to 200, default 50", example = "50") @QueryParam("limit")
          String limit,
      @Parameter(description = "The `next` of the previous page") @QueryParam("cursor")
          String cursor) {
    return PageResponse.from(
        cases.ofCustomer(
            customerId,
            QueryParams.enumValue("status", status, CaseStatus.class),
            QueryParams.limit(limit),
            Cursor.decode(cursor)),
        CaseResponse::from);
  }
}
