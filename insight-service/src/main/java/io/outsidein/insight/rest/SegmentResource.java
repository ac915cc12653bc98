package io.outsidein.insight.rest;

import io.outsidein.insight.service.SegmentService;
import io.outsidein.insight.service.SegmentSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/insights/segments")
@Tag(name = "Insights")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {
  private final SegmentService segments;

  SegmentResource(SegmentService segments) {
    this.segments = segments;
  }

  @GET
  @Operation(
      summary = "Insight per customer segment",
      description =
          "Customers, average health, risk distribution, NPS, CSAT, average contacts per case"
              + " (effort) and the most frequent department handoffs (friction).")
  @APIResponse(
      responseCode = "200",
      description = "One entry per segment",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "segments",
                      value =
                          "{\"segments\":[{\"segment\":\"smb\",\"customers\":120,"
                              + "\"averageHealth\":81.5,\"risk\":{\"LOW\":90,\"MEDIUM\":20,"
                              + "\"HIGH\":10},\"nps\":32,\"csat\":4.1,\"averageEffort\":2.3,"
                              + "\"topFriction\":[{\"from\":\"SALES\",\"to\":\"DELIVERY\","
                              + "\"count\":14}]}]}")))
  public SegmentsResponse list() {
    return new SegmentsResponse(segments.segments());
  }

  /** The segment list, wrapped so that fields can be added without breaking callers. */
  public record SegmentsResponse(List<SegmentSummary> segments) {}
}
