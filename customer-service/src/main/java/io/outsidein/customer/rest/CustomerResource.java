package io.outsidein.customer.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.outsidein.customer.domain.Customer;
import io.outsidein.customer.domain.CustomerStatus;
import io.outsidein.customer.service.CustomerErasure;
import io.outsidein.customer.service.CustomerMerger;
import io.outsidein.customer.service.CustomerSearch;
import io.outsidein.customer.service.CustomerService;
import io.outsidein.idempotency.IdempotentRequests;
import io.outsidein.kit.problem.IfMatch;
import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
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

/** The customer profile API: create, read, search, patch, erase and merge. */
@Path("/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

  private final CustomerService customers;
  private final CustomerSearch search;
  private final CustomerErasure erasure;
  private final CustomerMerger merger;
  private final ProfilePatch patches;
  private final IdempotentRequests idempotentRequests;

  CustomerResource(
      CustomerService customers,
      CustomerSearch search,
      CustomerErasure erasure,
      CustomerMerger merger,
      ProfilePatch patches,
      IdempotentRequests idempotentRequests) {
    this.customers = customers;
    this.search = search;
    this.erasure = erasure;
    this.merger = merger;
    this.patches = patches;
    this.idempotentRequests = idempotentRequests;
  }

  @POST
  @Operation(
      summary = "Register a customer",
      description =
          "With an Idempotency-Key, a retry with the same body answers the first response again"
              + " (header Idempotent-Replayed: true); the same key with another body is refused.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = CreateCustomerRequest.class),
              examples = @ExampleObject(name = "full profile", value = Examples.CREATE)))
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      headers = {
        @Header(name = "Location", description = "/customers/{id}"),
        @Header(name = "ETag", description = "the version to send in If-Match")
      },
      content = @Content(example = Examples.CUSTOMER))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field, unknown field, wrong type or malformed JSON",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.UNKNOWN_FIELD))
  @APIResponse(
      responseCode = "409",
      description = "The email (of an active customer) or an external reference is already held",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.DUPLICATE))
  @APIResponse(
      responseCode = "413",
      description = "Body over 64 KiB",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.TOO_LARGE))
  @APIResponse(
      responseCode = "422",
      description = "Idempotency-Key reused with another body",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.KEY_REUSED))
  public Response register(
      @Parameter(description = "makes a retry safe; kept at least 24 hours", example = "order-7781")
          @HeaderParam(IdempotentRequests.HEADER)
          String idempotencyKey,
      @Valid @NotNull CreateCustomerRequest request) {
    return idempotentRequests.once(
        CustomerService.IDEMPOTENCY_SCOPE,
        idempotencyKey,
        request,
        () -> {
          Customer customer = customers.register(request.toProfile());
          return Response.created(URI.create("/customers/" + customer.id))
              .tag(etag(customer))
              .entity(CustomerResponse.from(customer))
              .build();
        });
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read a customer", description = "A merged customer names its survivor.")
  @APIResponse(
      responseCode = "200",
      description = "The customer, ACTIVE or MERGED",
      headers = @Header(name = "ETag", description = "the version to send in If-Match"),
      content = {
        @Content(
            examples = {
              @ExampleObject(name = "active", value = Examples.CUSTOMER),
              @ExampleObject(name = "merged", value = Examples.MERGED_CUSTOMER)
            })
      })
  @APIResponse(
      responseCode = "404",
      description = "Unknown (or malformed) id",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.NOT_FOUND))
  @APIResponse(
      responseCode = "410",
      description = "Erased",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.GONE))
  public Response get(@PathParam("id") UUID id) {
    return customers
        .find(id)
        .map(c -> Response.ok(CustomerResponse.from(readable(c))).tag(etag(c)).build())
        .orElseThrow(() -> ProblemException.notFound("customer", id));
  }

  @GET
  @Operation(
      summary = "Search active customers",
      description =
          "Filters combine; q is a case-insensitive prefix of displayName. Keyset pages: pass"
              + " next as cursor until it is null.")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content =
          @Content(schema = @Schema(implementation = CustomerPage.class), example = Examples.PAGE))
  @APIResponse(
      responseCode = "400",
      description = "A bad parameter: limit outside 1-200, corrupt cursor, malformed externalRef",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.BAD_CURSOR))
  public CustomerPage list(
      @Parameter(example = "smb") @QueryParam("segment") String segment,
      @Parameter(example = "ada@example.com") @QueryParam("email") String email,
      @Parameter(description = "system:id", example = "crm:C-1042") @QueryParam("externalRef")
          String externalRef,
      @Parameter(description = "start of displayName", example = "ada") @QueryParam("q") String q,
      @Parameter(description = "1-200, default 50", example = "50") @QueryParam("limit")
          String limit,
      @Parameter(description = "next of the previous page") @QueryParam("cursor") String cursor) {
    CustomerSearch.Page page =
        search.search(SearchQuery.parse(segment, email, externalRef, q, limit, cursor));
    return new CustomerPage(
        page.items().stream().map(CustomerResponse::from).toList(),
        SearchQuery.encode(page.next()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(ProfilePatch.MEDIA_TYPE)
  @Operation(
      summary = "Update a customer (JSON Merge Patch, RFC 7396)",
      description =
          "null removes an optional field (displayName cannot be removed); the result is"
              + " validated like a create. If-Match with the current ETag is required.")
  @RequestBody(
      content =
          @Content(
              mediaType = ProfilePatch.MEDIA_TYPE,
              schema = @Schema(implementation = CreateCustomerRequest.class),
              examples = @ExampleObject(name = "patch", value = Examples.PATCH)))
  @APIResponse(
      responseCode = "200",
      description = "Updated",
      headers = @Header(name = "ETag", description = "the new version"),
      content = @Content(example = Examples.CUSTOMER))
  @APIResponse(
      responseCode = "400",
      description = "Invalid result, unknown field, wrong type or malformed JSON",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.INVALID))
  @APIResponse(
      responseCode = "404",
      description = "Unknown id",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.NOT_FOUND))
  @APIResponse(
      responseCode = "409",
      description = "Merged customer, or email / external reference held by another customer",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.DUPLICATE))
  @APIResponse(
      responseCode = "410",
      description = "Erased",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.GONE))
  @APIResponse(
      responseCode = "412",
      description = "If-Match is not the current ETag",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.PRECONDITION_FAILED))
  @APIResponse(
      responseCode = "413",
      description = "Body over 64 KiB",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.TOO_LARGE))
  @APIResponse(
      responseCode = "415",
      description = "Not application/merge-patch+json",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "428",
      description = "If-Match missing",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.PRECONDITION_REQUIRED))
  public Response update(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      JsonNode patch)
      throws JsonProcessingException {
    long expected = expectedVersion(ifMatch);
    Customer customer = customers.update(id, expected, patches.parse(patch));
    return Response.ok(CustomerResponse.from(customer)).tag(etag(customer)).build();
  }

  @DELETE
  @Path("/{id}")
  // A 204 has no body: the gateway passes on a generated client's Accept of problems only.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Erase a customer",
      description =
          "Wipes name, email, phone, external references and attributes from the database and"
              + " publishes customer-erased. Repeating it answers 204 again.")
  @APIResponse(responseCode = "204", description = "Erased (or already erased)")
  @APIResponse(
      responseCode = "404",
      description = "Unknown id",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.NOT_FOUND))
  public void erase(@PathParam("id") UUID id) {
    erasure.erase(id);
  }

  @POST
  @Path("/{id}/merge")
  @Operation(
      summary = "Merge a duplicate into this customer",
      description =
          "The duplicate becomes MERGED into {id}; its external references and the fields {id}"
              + " lacks move over.")
  @RequestBody(
      content = @Content(examples = @ExampleObject(name = "merge", value = Examples.MERGE)))
  @APIResponse(
      responseCode = "200",
      description = "The survivor",
      headers = @Header(name = "ETag", description = "the survivor's new version"),
      content = @Content(example = Examples.CUSTOMER))
  @APIResponse(
      responseCode = "400",
      description = "duplicateId missing or not a UUID",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.INVALID))
  @APIResponse(
      responseCode = "404",
      description = "Either id is unknown",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.NOT_FOUND))
  @APIResponse(
      responseCode = "409",
      description = "Merging into itself, or either customer is erased or merged",
      content = @Content(mediaType = Problem.MEDIA_TYPE, example = Examples.MERGE_CONFLICT))
  public Response merge(@PathParam("id") UUID id, @Valid @NotNull MergeRequest request) {
    Customer survivor = merger.merge(id, request.duplicateId());
    return Response.ok(CustomerResponse.from(survivor)).tag(etag(survivor)).build();
  }

  private static Customer readable(Customer customer) {
    if (customer.status == CustomerStatus.ERASED) {
      throw CustomerService.gone(customer.id);
    }
    return customer;
  }

  private static long expectedVersion(String ifMatch) {
    return IfMatch.expectedVersion(ifMatch, "the customer's");
  }

  static EntityTag etag(Customer customer) {
    return new EntityTag(Long.toString(customer.version));
  }
}
