package io.outsidein.insight.rest;

import io.outsidein.insight.messaging.RebuildService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Internal operations; the gateway does not route them. */
@Path("/admin/rebuild")
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {
  private final RebuildService rebuild;

  RebuildResource(RebuildService rebuild) {
    this.rebuild = rebuild;
  }

  @POST
  @Operation(
      summary = "Rebuild the read model from both topics",
      description =
          "Empties the read model, replays customer-events and interaction-events from their first"
              + " offset and answers when done. The live consumer keeps running meanwhile.")
  @APIResponse(
      responseCode = "200",
      description = "Counts of the replay",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "done",
                      value =
                          "{\"read\":5210,\"applied\":5208,\"alreadyApplied\":0,\"skipped\":2,"
                              + "\"customers\":300}")))
  @APIResponse(
      responseCode = "409",
      description = "A rebuild is already running",
      content = @Content(mediaType = "application/problem+json"))
  public RebuildService.Result rebuild() {
    return rebuild.rebuild();
  }
}
