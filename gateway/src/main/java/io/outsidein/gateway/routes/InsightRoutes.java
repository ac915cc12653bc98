package io.outsidein.gateway.routes;

import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/insights")
@Tag(name = "Insights", description = "Explainable insight, built from events")
@Produces(MediaType.APPLICATION_JSON)
public class InsightRoutes {
  private final Forwarder forwarder;

  InsightRoutes(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  @GET
  @Path("/segments")
  @Operation(summary = "Insight per customer segment")
  public CompletionStage<Response> segments(@Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INSIGHT, "GET", "/insights/segments", null, headers);
  }
}
