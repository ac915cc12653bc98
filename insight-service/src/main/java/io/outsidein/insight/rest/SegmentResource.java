package io.outsidein.insight.rest;

import io.outsidein.insight.service.SegmentService;
import io.outsidein.insight.service.SegmentSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
  @Operation(summary = "Insight per customer segment")
  public SegmentsResponse list() {
    return new SegmentsResponse(segments.segments());
  }

  /** The segment list, wrapped so that fields can be added without breaking callers. */
  public record SegmentsResponse(List<SegmentSummary> segments) {}
}
