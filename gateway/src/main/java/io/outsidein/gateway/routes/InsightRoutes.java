package io.outsidein.gateway.routes;

import io.outsidein.gateway.api.InsightSchemas.AtRiskPage;
import io.outsidein.gateway.api.InsightSchemas.ChurnRisk;
import io.outsidein.gateway.api.InsightSchemas.JourneyAnalytics;
import io.outsidein.gateway.api.InsightSchemas.SegmentInsights;
import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Upstream;
import io.outsidein.gateway.openapi.PublicApiFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
  @Requires(Permission.READ_AGGREGATE_INSIGHTS)
  @Operation(summary = "Insight per customer segment")
  @APIResponse(
      responseCode = "200",
      description = "Every segment",
      content = @Content(schema = @Schema(implementation = SegmentInsights.class)))
  public CompletionStage<Response> segments(@Context HttpHeaders headers) {
    return forwarder.forward(Upstream.INSIGHT, "GET", "/insights/segments", null, headers);
  }

  @GET
  @Path("/at-risk")
  @Requires(Permission.READ_AGGREGATE_INSIGHTS)
  @Operation(summary = "Customers ranked by churn risk, silent churn included")
  @Parameter(
      name = "segment",
      in = ParameterIn.QUERY,
      example = "smb",
      schema = @Schema(maxLength = 40))
  @Parameter(
      name = "minRisk",
      in = ParameterIn.QUERY,
      schema = @Schema(implementation = ChurnRisk.class))
  @Parameter(name = "limit", in = ParameterIn.QUERY, ref = PublicApiFilter.LIMIT)
  @Parameter(name = "cursor", in = ParameterIn.QUERY, ref = PublicApiFilter.CURSOR)
  @APIResponse(
      responseCode = "200",
      description = "One page, riskiest first",
      content = @Content(schema = @Schema(implementation = AtRiskPage.class)))
  public CompletionStage<Response> atRisk(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", Routes.withQuery("/insights/at-risk", uri), null, headers);
  }

  @GET
  @Path("/journeys")
  @Requires(Permission.READ_AGGREGATE_INSIGHTS)
  @Operation(summary = "Department paths of cases and the handoff matrix")
  @APIResponse(
      responseCode = "200",
      description = "Paths with counts, resolution time and contacts",
      content = @Content(schema = @Schema(implementation = JourneyAnalytics.class)))
  public CompletionStage<Response> journeys(@Context UriInfo uri, @Context HttpHeaders headers) {
    return forwarder.forward(
        Upstream.INSIGHT, "GET", Routes.withQuery("/insights/journeys", uri), null, headers);
  }
}
