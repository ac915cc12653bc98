package io.outsidein.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The composite view of one customer. */
public final class JourneySchemas {
  private JourneySchemas() {}

  public enum Part {
    insights,
    openCases,
    timeline
  }

  @Schema(
      name = "CustomerJourney",
      description =
          "Everything about one customer in one call. A part whose service is down or slow is"
              + " null and named in degraded.")
  public record CustomerJourney(
      CustomerSchemas.Customer customer,
      @Schema(nullable = true) InsightSchemas.CustomerInsights insights,
      @Schema(nullable = true, maxItems = 200) List<CaseSchemas.Case> openCases,
      @Schema(
              nullable = true,
              description = "The latest 50 interactions, newest first",
              maxItems = 50)
          List<InteractionSchemas.Interaction> timeline,
      @Schema(example = "[\"insights\"]", maxItems = 3) List<Part> degraded) {}
}
