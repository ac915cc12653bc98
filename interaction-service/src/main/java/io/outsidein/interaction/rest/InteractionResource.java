package io.outsidein.interaction.rest;

import io.outsidein.idempotency.IdempotentRequests;
import io.outsidein.interaction.domain.Interaction;
import io.outsidein.interaction.service.BatchIngest;
import io.outsidein.interaction.service.GroupCommit;
import io.outsidein.interaction.service.InteractionService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/interactions")
@Tag(name = "Interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InteractionResource {
  private final InteractionService interactions;
  private final BatchItems batchItems;
  private final BatchIngest batch;
  private final GroupCommit groupCommit;
  private final IdempotentRequests idempotentRequests;

  InteractionResource(
      InteractionService interactions,
      BatchItems batchItems,
      BatchIngest batch,
      GroupCommit groupCommit,
      IdempotentRequests idempotentRequests) {
    this.interactions = interactions;
    this.groupCommit = groupCommit;
    this.batchItems = batchItems;
    this.batch = batch;
    this.idempotentRequests = idempotentRequests;
  }

  @POST
  @Operation(
      summary = "Record a touchpoint",
      description =
          "A merged customer's touchpoint is recorded under the survivor. With an Idempotency-Key,"
              + " a retry with the same body gets the first response again.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location names it",
      content = @Content(schema = @Schema(implementation = InteractionResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The customer already has this externalId; existingId names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "Unknown or erased customer, a case of another customer, or an Idempotency-Key reused with another body",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "503",
      description = "The customer is not known yet and customer-service did not answer",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public CompletionStage<Response> record(
      @Valid @NotNull RecordInteractionRequest request,
      @Parameter(description = "Makes the request safe to retry", example = "b6f0c1e2-retry-1")
          @HeaderParam(IdempotentRequests.HEADER)
          String idempotencyKey,
      @Context UriInfo uri) {
    // The Location is made absolute here: JAX-RS resolves a relative one only where the request is
    // current, and the answer is built on the writer's thread.
    URI base = uri.getBaseUri();
    if (idempotencyKey == null) {
      // Read, validated and answered on the event loop: no thread waits for the writer's commit.
      return groupCommit
          .record(request.toNewInteraction())
          .thenApply(interaction -> created(base, interaction));
    }
    // The key is stored in the same transaction as the touchpoint, so this one has its own, and
    // waits for it on a worker thread.
    return OffTheEventLoop.call(
        () ->
            idempotentRequests.once(
                "interactions",
                idempotencyKey,
                request,
                () -> created(base, interactions.record(request.toNewInteraction()))));
  }

  private static Response created(URI base, Interaction interaction) {
    return Response.created(base.resolve("interactions/" + interaction.id))
        .entity(InteractionResponse.from(interaction))
        .build();
  }

  @POST
  @Path("/batch")
  @Operation(
      summary = "Record up to 1000 touchpoints",
      description =
          "Each item is answered on its own, in order: 201 with its id, or its problem. Valid"
              + " items are stored even when others are refused.")
  @APIResponse(
      responseCode = "200",
      description = "One result per item",
      content = @Content(schema = @Schema(implementation = BatchResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "No items, or more than 1000",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "413",
      description = "The body is larger than the limit",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public BatchResponse recordBatch(@Valid @NotNull BatchRequest request) {
    return new BatchResponse(batch.ingest(batchItems.parse(request.items())));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read a touchpoint")
  @APIResponse(
      responseCode = "200",
      description = "The touchpoint",
      content = @Content(schema = @Schema(implementation = InteractionResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such touchpoint",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public InteractionResponse get(@PathParam("id") UUID id) {
    return interactions
        .find(id)
        .map(InteractionResponse::from)
        .orElseThrow(() -> ProblemException.notFound("interaction", id));
  }
}
