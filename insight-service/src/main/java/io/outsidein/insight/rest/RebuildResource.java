package io.outsidein.insight.rest;

import io.outsidein.insight.rebuild.InsightRebuild;
import io.outsidein.insight.rebuild.InsightRebuilds;
import io.outsidein.kit.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuilds of the read model, as jobs the caller follows; the gateway routes them for admins. */
@Path("/admin/insights/rebuilds")
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {
  private final InsightRebuilds rebuilds;

  RebuildResource(InsightRebuilds rebuilds) {
    this.rebuilds = rebuilds;
  }

  @POST
  @Operation(
      summary = "Start rebuilding the read model from both topics",
      description =
          "Empties the read model and replays customer-events and interaction-events from their"
              + " first offset in the background; follow it at Location. The live consumer keeps"
              + " running meanwhile.")
  @APIResponse(responseCode = "202", description = "Started")
  @APIResponse(
      responseCode = "409",
      description = "A rebuild is already running; runningId names it",
      content = @Content(mediaType = "application/problem+json"))
  public Response start(@Context UriInfo uri) {
    InsightRebuild started = rebuilds.start();
    return Response.accepted(started)
        .location(uri.getAbsolutePathBuilder().path(started.id().toString()).build())
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A rebuild's progress and, once finished, its outcome")
  @APIResponse(responseCode = "200", description = "The rebuild")
  @APIResponse(
      responseCode = "404",
      description = "No such rebuild",
      content = @Content(mediaType = "application/problem+json"))
  public InsightRebuild get(@PathParam("id") UUID id) {
    return rebuilds.find(id).orElseThrow(() -> ProblemException.notFound("rebuild", id));
  }
}
