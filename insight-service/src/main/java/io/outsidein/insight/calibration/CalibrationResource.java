package io.outsidein.insight.calibration;

import io.outsidein.kit.problem.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/insights/calibration")
@Tag(name = "Insights")
@Produces(MediaType.APPLICATION_JSON)
public class CalibrationResource {
  private final CalibrationReport report;

  CalibrationResource(CalibrationReport report) {
    this.report = report;
  }

  @GET
  @Operation(
      summary = "Does the churn score predict? Per risk level, who then went silent or cancelled",
      description =
          "Over the closed outcome windows of the customers' noted churn risk, per segment and"
              + " risk level: customers and the share who churned with its 95% Wilson interval;"
              + " predicts is true when HIGH churned more than LOW with intervals apart, false"
              + " when both have at least 20 customers and they did not, null otherwise.")
  @APIResponse(responseCode = "200", description = "The calibration over every closed window")
  @APIResponse(
      responseCode = "400",
      description = "A segment that is not a slug",
      content = @Content(mediaType = "application/problem+json"))
  public CalibrationResponse calibration(
      @Parameter(description = "Only this segment", example = "smb") @QueryParam("segment")
          String segment) {
    return CalibrationResponse.from(report.report(QueryParams.slug("segment", segment)));
  }
}
