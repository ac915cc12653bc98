package io.outsidein.insight.outcomes;

import io.outsidein.kit.problem.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/insights/actions")
@Tag(name = "Insights")
@Produces(MediaType.APPLICATION_JSON)
public class ActionOutcomeResource {
  private final ActionOutcomes outcomes;

  ActionOutcomeResource(ActionOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @GET
  @Operation(
      summary = "What followed the actions taken, per action code and segment",
      description =
          "Closed outcome windows of actions taken in [from, to): retained rate with its 95%"
              + " Wilson interval, mean health change with its 95% t interval, ratings and new"
              + " complaints, for the acted customers and for their comparison group.")
  @APIResponse(responseCode = "200", description = "Every action code and segment")
  @APIResponse(
      responseCode = "400",
      description = "A segment that is not a slug, a bad time, or from after to",
      content = @Content(mediaType = "application/problem+json"))
  public ActionOutcomesResponse report(
      @Parameter(description = "Only this segment", example = "smb") @QueryParam("segment")
          String segment,
      @Parameter(description = "Actions taken at or after", example = "2026-01-01T00:00:00Z")
          @QueryParam("from")
          String from,
      @Parameter(description = "Actions taken before", example = "2026-12-31T00:00:00Z")
          @QueryParam("to")
          String to) {
    Instant since = QueryParams.instant("from", from);
    Instant until = QueryParams.instant("to", to);
    if (since != null && until != null && since.isAfter(until)) {
      throw QueryParams.invalid("from", "must not be after to");
    }
    return ActionOutcomesResponse.from(
        outcomes.report(QueryParams.slug("segment", segment), since, until));
  }
}
