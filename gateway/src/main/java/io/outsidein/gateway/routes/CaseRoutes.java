package io.outsidein.gateway.routes;

import io.outsidein.gateway.api.CaseSchemas.Case;
import io.outsidein.gateway.api.CaseSchemas.Gesture;
import io.outsidein.gateway.api.CaseSchemas.Handoff;
import io.outsidein.gateway.api.CaseSchemas.NewCase;
import io.outsidein.gateway.api.CaseSchemas.NewGesture;
import io.outsidein.gateway.api.CaseSchemas.Resolution;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases")
@Tag(name = "Cases", description = "A customer's problem or request across departments")
@Produces(MediaType.APPLICATION_JSON)
public class CaseRoutes {
  private final Forwarder forwarder;

  CaseRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORK_CASES)
  @Operation(summary = "Open a case")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = NewCase.class),
              examples =
                  @ExampleObject(
                      name = "lost parcel",
                      value =
                          "{\"customerId\":\"6f1c2d4e-8a0b-4c5d-9e7f-102030405060\","
                              + "\"subject\":\"Parcel lost\",\"department\":\"SUPPORT\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Opened, status OPEN",
      headers =
          @Header(name = "Location", description = "The case", schema = @Schema(maxLength = 200)),
      content = @Content(schema = @Schema(implementation = Case.class)))
  @APIResponse(responseCode = "422", description = "Unknown customer")
  public CompletionStage<Response> open(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "POST", "/cases", body, headers);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.READ_CASES)
  @Operation(summary = "Read a case with its departments, handoffs and contacts")
  @APIResponse(
      responseCode = "200",
      description = "The case",
      content = @Content(schema = @Schema(implementation = Case.class)))
  @APIResponse(responseCode = "404", description = "Unknown case")
  public CompletionStage<Response> get(
      @Parameter(example = Routes.UUID_EXAMPLE) @PathParam("id") UUID id,
      @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INTERACTION, "GET", "/cases/" + id, null, headers);
  }

  @POST
  @Path("/{id}/handoffs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORK_CASES)
  @Operation(summary = "Hand a case off to another department")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = Handoff.class),
              examples =
                  @ExampleObject(
                      name = "to billing",
                      value = "{\"toDepartment\":\"BILLING\",\"note\":\"Refund needed\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The case after the handoff",
      content = @Content(schema = @Schema(implementation = Case.class)))
  @APIResponse(responseCode = "404", description = "Unknown case")
  @APIResponse(responseCode = "409", description = "The case is resolved")
  public CompletionStage<Response> handOff(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "POST", "/cases/" + id + "/handoffs", body, headers);
  }

  @POST
  @Path("/{id}/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORK_CASES)
  @Operation(summary = "Resolve a case")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = Resolution.class),
              examples =
                  @ExampleObject(
                      name = "replaced",
                      value = "{\"resolution\":\"Replacement sent\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The resolved case",
      content = @Content(schema = @Schema(implementation = Case.class)))
  @APIResponse(responseCode = "404", description = "Unknown case")
  @APIResponse(responseCode = "409", description = "The case is already resolved")
  public CompletionStage<Response> resolve(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "POST", "/cases/" + id + "/resolution", body, headers);
  }

  @POST
  @Path("/{id}/gestures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.GRANT_GESTURES)
  @Operation(
      summary = "Grant a goodwill gesture",
      description =
          "APPROVED at once within the latitude (per segment, 25.00 by default), otherwise"
              + " PENDING_APPROVAL for a supervisor.")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = NewGesture.class),
              examples =
                  @ExampleObject(
                      name = "voucher",
                      value =
                          "{\"amount\":{\"value\":\"15.00\",\"currency\":\"EUR\"},"
                              + "\"reason\":\"Late delivery\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Granted (APPROVED) or awaiting approval (PENDING_APPROVAL)",
      headers =
          @Header(
              name = "Location",
              description = "The gesture",
              schema = @Schema(maxLength = 200)),
      content = @Content(schema = @Schema(implementation = Gesture.class)))
  @APIResponse(responseCode = "404", description = "Unknown case")
  @APIResponse(responseCode = "409", description = "The case is resolved")
  public CompletionStage<Response> grantGesture(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION, "POST", "/cases/" + id + "/gestures", body, headers);
  }
}
