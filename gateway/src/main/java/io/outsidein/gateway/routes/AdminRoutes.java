package io.outsidein.gateway.routes;

import io.outsidein.gateway.api.InsightSchemas.RebuildStarted;
import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin")
@Tag(name = "Administration", description = "Operations for administrators only")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRoutes {
  private final Forwarder forwarder;

  AdminRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @POST
  @Path("/insights/rebuild")
  @Requires(Permission.REBUILD_INSIGHTS)
  @Operation(
      summary = "Rebuild every insight from the event topics (admin)",
      description = "Insight stays readable while it is rebuilt.")
  @APIResponse(
      responseCode = "202",
      description = "The rebuild started",
      content = @Content(schema = @Schema(implementation = RebuildStarted.class)))
  public CompletionStage<Response> rebuildInsights(@Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INSIGHT, "POST", "/admin/rebuild", null, headers);
  }
}
