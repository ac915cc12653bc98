package io.outsidein.interaction.rest;

import io.outsidein.interaction.service.GoodwillPolicies;
import io.outsidein.interaction.service.GoodwillPolicy;
import io.outsidein.kit.problem.IfMatch;
import io.outsidein.kit.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The goodwill policy: read by the front line, changed by admins, every version kept. */
@Path("/policies/goodwill")
@Tag(name = "Policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GoodwillPolicyResource {

  private final GoodwillPolicies policies;

  GoodwillPolicyResource(GoodwillPolicies policies) {
    this.policies = policies;
  }

  @GET
  @Operation(summary = "The goodwill policy that decides gestures granted now")
  @APIResponse(
      responseCode = "200",
      description = "The current version",
      headers = @Header(name = "ETag", description = "the version to send in If-Match"),
      content = @Content(schema = @Schema(implementation = GoodwillPolicyResponse.class)))
  public Response current() {
    GoodwillPolicy policy = policies.current();
    return Response.ok(GoodwillPolicyResponse.from(policy)).tag(etag(policy)).build();
  }

  @GET
  @Path("/versions")
  @Operation(summary = "Every version of the goodwill policy, newest first")
  @APIResponse(responseCode = "200", description = "{items}")
  public Versions versions() {
    return new Versions(policies.versions().stream().map(GoodwillPolicyResponse::from).toList());
  }

  @PUT
  @Operation(
      summary = "Change the goodwill policy",
      description =
          "Adds the next version; gestures granted after it are decided by it. If-Match with the"
              + " current ETag is required.")
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      headers = @Header(name = "ETag", description = "the new version"),
      content = @Content(schema = @Schema(implementation = GoodwillPolicyResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid policy",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "412",
      description = "If-Match is not the current ETag",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "428",
      description = "If-Match missing",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response replace(
      @Parameter(in = ParameterIn.HEADER, example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull GoodwillPolicyRequest request,
      @HeaderParam(Params.ACTOR_HEADER) String actor) {
    GoodwillPolicy policy =
        policies.replace(expectedVersion(ifMatch), request.toRules(), Params.actor(actor));
    return Response.ok(GoodwillPolicyResponse.from(policy)).tag(etag(policy)).build();
  }

  /** The versions of the policy, newest first. */
  @Schema(name = "GoodwillPolicyVersions")
  public record Versions(List<GoodwillPolicyResponse> items) {}

  private static int expectedVersion(String ifMatch) {
    return (int) IfMatch.expectedVersion(ifMatch, "the goodwill policy's", Integer.MAX_VALUE);
  }

  private static EntityTag etag(GoodwillPolicy policy) {
    return new EntityTag(Integer.toString(policy.version()));
  }
}
