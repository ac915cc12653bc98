package io.outsidein.gateway.routes;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.gateway.api.CaseSchemas.CasePage;
import io.outsidein.gateway.api.CaseSchemas.CaseStatus;
import io.outsidein.gateway.api.CustomerSchemas.Customer;
import io.outsidein.gateway.api.CustomerSchemas.CustomerPage;
import io.outsidein.gateway.api.CustomerSchemas.CustomerPatch;
import io.outsidein.gateway.api.CustomerSchemas.MergeRequest;
import io.outsidein.gateway.api.CustomerSchemas.NewCustomer;
import io.outsidein.gateway.api.InsightSchemas.CustomerInsights;
import io.outsidein.gateway.api.InteractionSchemas.InteractionPage;
import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import io.outsidein.gateway.openapi.PublicApiFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers")
@Tag(name = "Customers", description = "Customer profiles")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerRoutes {
  private final Forwarder forwarder;

  CustomerRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WRITE_CUSTOMERS)
  @Operation(summary = "Register a customer")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = NewCustomer.class),
              examples =
                  @ExampleObject(
                      name = "ada",
                      value =
                          "{\"displayName\":\"Ada Lovelace\",\"email\":\"ada@example.com\","
                              + "\"segment\":\"smb\",\"consents\":{\"marketing\":true,"
                              + "\"analytics\":true}}")))
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      headers = {
        @Header(
            name = "Location",
            description = "The new customer",
            schema = @Schema(maxLength = 200)),
        @Header(
            name = "ETag",
            description = "Version for If-Match",
            schema = @Schema(maxLength = 100))
      },
      content = @Content(schema = @Schema(implementation = Customer.class)))
  @APIResponse(
      responseCode = "409",
      description = "An active customer already holds this email; existingId names it")
  public CompletionStage<Response> register(byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "POST", "/customers", body, headers);
  }

  @GET
  @Requires(Permission.READ_CUSTOMERS)
  @Operation(summary = "Search customers")
  @Parameter(
      name = "segment",
      in = ParameterIn.QUERY,
      example = "smb",
      schema = @Schema(maxLength = 40))
  @Parameter(
      name = "email",
      in = ParameterIn.QUERY,
      example = "ada@example.com",
      schema = @Schema(maxLength = 320))
  @Parameter(
      name = "externalRef",
      in = ParameterIn.QUERY,
      description = "system:id",
      example = "crm:C-1042",
      schema = @Schema(maxLength = 200))
  @Parameter(
      name = "q",
      in = ParameterIn.QUERY,
      description = "Text in the name",
      schema = @Schema(maxLength = 200))
  @Parameter(name = "limit", in = ParameterIn.QUERY, ref = PublicApiFilter.LIMIT)
  @Parameter(name = "cursor", in = ParameterIn.QUERY, ref = PublicApiFilter.CURSOR)
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = CustomerPage.class)))
  public CompletionStage<Response> search(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.CUSTOMER, "GET", Routes.withQuery("/customers", uri), null, headers);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.READ_CUSTOMERS)
  @Operation(
      summary = "Read a customer",
      description = "A merged customer answers with status MERGED and mergedInto.")
  @APIResponse(
      responseCode = "200",
      description = "The customer",
      headers =
          @Header(
              name = "ETag",
              description = "Version for If-Match",
              schema = @Schema(maxLength = 100)),
      content = @Content(schema = @Schema(implementation = Customer.class)))
  @APIResponse(responseCode = "404", description = "Unknown customer")
  @APIResponse(responseCode = "410", description = "Erased customer")
  public CompletionStage<Response> get(
      @Parameter(example = Routes.UUID_EXAMPLE) @PathParam("id") UUID id,
      @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "GET", "/customers/" + id, null, headers);
  }

  @PATCH
  @Path("/{id}")
  @Consumes({Routes.MERGE_PATCH, MediaType.APPLICATION_JSON})
  @Requires(Permission.WRITE_CUSTOMERS)
  @Operation(summary = "Update a customer (JSON merge patch)")
  @Parameter(
      name = "If-Match",
      in = ParameterIn.HEADER,
      description = "The ETag read last; a stale one answers 412",
      schema = @Schema(maxLength = 100))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = Routes.MERGE_PATCH,
              schema = @Schema(implementation = CustomerPatch.class),
              examples = @ExampleObject(name = "segment", value = "{\"segment\":\"enterprise\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Updated",
      headers =
          @Header(
              name = "ETag",
              description = "The new version",
              schema = @Schema(maxLength = 100)),
      content = @Content(schema = @Schema(implementation = Customer.class)))
  @APIResponse(responseCode = "404", description = "Unknown customer")
  @APIResponse(responseCode = "409", description = "The email is held by another customer")
  @APIResponse(responseCode = "412", description = "If-Match names a stale version")
  public CompletionStage<Response> update(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "PATCH", "/customers/" + id, body, headers);
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.ERASE_CUSTOMERS)
  @Operation(
      summary = "Erase a customer (admin)",
      description = "Personal data is gone from every service within seconds.")
  @APIResponse(responseCode = "204", description = "Erased")
  @APIResponse(responseCode = "404", description = "Unknown customer")
  public CompletionStage<Response> erase(@PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(Upstream.CUSTOMER, "DELETE", "/customers/" + id, null, headers);
  }

  @POST
  @Path("/{id}/merge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MERGE_CUSTOMERS)
  @Operation(
      summary = "Merge a duplicate into this customer (admin)",
      description = "The duplicate becomes MERGED; its history moves to this customer.")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = MergeRequest.class),
              examples =
                  @ExampleObject(
                      name = "duplicate",
                      value = "{\"duplicateId\":\"0b7e6f62-9d7c-4a9e-8f0e-5d7c3b2a1f00\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Merged: the survivor",
      content = @Content(schema = @Schema(implementation = Customer.class)))
  @APIResponse(responseCode = "404", description = "Unknown customer")
  @APIResponse(responseCode = "409", description = "Already merged or erased")
  public CompletionStage<Response> merge(
      @PathParam("id") UUID id, byte[] body, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.CUSTOMER, "POST", "/customers/" + id + "/merge", body, headers);
  }

  @GET
  @Path("/{id}/interactions")
  @Requires(Permission.READ_INTERACTIONS)
  @Operation(summary = "A customer's interactions, newest first")
  @Parameter(
      name = "from",
      in = ParameterIn.QUERY,
      example = "2025-01-01T00:00:00Z",
      schema = @Schema(format = "date-time", maxLength = 30))
  @Parameter(
      name = "to",
      in = ParameterIn.QUERY,
      example = "2025-12-31T23:59:59Z",
      schema = @Schema(format = "date-time", maxLength = 30))
  @Parameter(
      name = "department",
      in = ParameterIn.QUERY,
      schema = @Schema(implementation = Department.class))
  @Parameter(
      name = "channel",
      in = ParameterIn.QUERY,
      schema = @Schema(implementation = Channel.class))
  @Parameter(
      name = "type",
      in = ParameterIn.QUERY,
      schema = @Schema(implementation = InteractionType.class))
  @Parameter(name = "limit", in = ParameterIn.QUERY, ref = PublicApiFilter.LIMIT)
  @Parameter(name = "cursor", in = ParameterIn.QUERY, ref = PublicApiFilter.CURSOR)
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = InteractionPage.class)))
  public CompletionStage<Response> interactions(
      @PathParam("id") UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION,
        "GET",
        Routes.withQuery("/customers/" + id + "/interactions", uri),
        null,
        headers);
  }

  @GET
  @Path("/{id}/cases")
  @Requires(Permission.READ_CASES)
  @Operation(summary = "A customer's cases")
  @Parameter(
      name = "status",
      in = ParameterIn.QUERY,
      schema = @Schema(implementation = CaseStatus.class))
  @APIResponse(
      responseCode = "200",
      description = "The cases",
      content = @Content(schema = @Schema(implementation = CasePage.class)))
  public CompletionStage<Response> cases(
      @PathParam("id") UUID id, @Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INTERACTION,
        "GET",
        Routes.withQuery("/customers/" + id + "/cases", uri),
        null,
        headers);
  }

  @GET
  @Path("/{id}/insights")
  @Requires(Permission.READ_CUSTOMER_INSIGHTS)
  @Operation(
      summary = "A customer's health, churn risk and next best actions",
      description = "Eventually consistent: built from events within seconds of a change.")
  @APIResponse(
      responseCode = "200",
      description = "The insights, every score with its reasons",
      content = @Content(schema = @Schema(implementation = CustomerInsights.class)))
  @APIResponse(responseCode = "404", description = "No insight for this customer (yet)")
  public CompletionStage<Response> insights(
      @PathParam("id") UUID id, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", "/customers/" + id + "/insights", null, headers);
  }
}
