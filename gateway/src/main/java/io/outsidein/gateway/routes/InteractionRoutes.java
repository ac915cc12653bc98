package io.outsidein.gateway.routes;

import io.outsidein.gateway.api.InteractionSchemas.BatchResult;
import io.outsidein.gateway.api.InteractionSchemas.Interaction;
import io.outsidein.gateway.api.InteractionSchemas.InteractionBatch;
import io.outsidein.gateway.api.InteractionSchemas.NewInteraction;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/interactions")
@Tag(name = "Interactions", description = "Touchpoints: every contact of a customer, recorded once")
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
  @Operation(
      summary = "Record an interaction",
      description = "A retry with the same Idempotency-Key and body returns the first response.")
  @Parameter(
      name = "Idempotency-Key",
      in = ParameterIn.HEADER,
      description = "Makes retries safe; the same key with another body answers 422",
      example = "3f2a7c1e-import-42",
      schema = @Schema(maxLength = 200))
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = NewInteraction.class),
              examples = @ExampleObject(name = "complaint", value = EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      headers =
          @Header(
              name = "Location",
              description = "The interaction",
              schema = @Schema(maxLength = 200)),
      content = @Content(schema = @Schema(implementation = Interaction.class)))
  @APIResponse(
      responseCode = "422",
      description = "Unknown customer, or an Idempotency-Key reused with another body")
  public CompletionStage<Response> record(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "POST", "/interactions", body, headers);
  }

  @POST
  @Path("/batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.RECORD_INTERACTION_BATCHES)
  @Operation(
      summary = "Record up to 1000 interactions",
      description = "Valid items are stored even when others are not; one result per item.")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = InteractionBatch.class),
              examples = @ExampleObject(name = "one", value = "{\"items\":[" + EXAMPLE + "]}")))
  @APIResponse(
      responseCode = "200",
      description = "Per-item results",
      content = @Content(schema = @Schema(implementation = BatchResult.class)))
  @APIResponse(responseCode = "413", description = "The batch is larger than the body limit")
  public CompletionStage<Response> recordBatch(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "POST", "/interactions/batch", body, headers);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.READ_INTERACTIONS)
  @Operation(summary = "Read an interaction")
  @APIResponse(
      responseCode = "200",
      description = "The interaction",
      content = @Content(schema = @Schema(implementation = Interaction.class)))
  @APIResponse(responseCode = "404", description = "Unknown interaction")
  public CompletionStage<Response> get(
      @Parameter(example = Routes.UUID_EXAMPLE) @PathParam("id") UUID id,
      @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "GET", "/interactions/" + id, null, headers);
  }
}
