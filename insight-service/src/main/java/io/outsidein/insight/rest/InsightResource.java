package io.outsidein.insight.rest;

import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.experiments.ArmRecommendations;
import io.outsidein.insight.experiments.CustomerExperiments;
import io.outsidein.insight.scoring.Insight;
import io.outsidein.insight.service.InsightService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers/{id}/insights")
@Tag(name = "Insights")
@Produces(MediaType.APPLICATION_JSON)
public class InsightResource {
  private final InsightService insights;
  private final CustomerExperiments experiments;
  private final InsightConfig config;
  private final Clock clock;

  InsightResource(
      InsightService insights, CustomerExperiments experiments, InsightConfig config, Clock clock) {
    this.insights = insights;
    this.experiments = experiments;
    this.config = config;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary = "A customer's health, churn risk, reasons and next best actions",
      description =
          "Built from events only, so eventually consistent. Every point lost from 100 is a"
              + " reason with its points.")
  @APIResponse(
      responseCode = "200",
      description = "The latest insight",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "frustrated",
                      value =
                          "{\"customerId\":\"6f1c2d4e-8a0b-4c5d-9e7f-102030405060\","
                              + "\"segment\":\"smb\",\"healthScore\":45,\"churnRisk\":\"HIGH\","
                              + "\"reasons\":[{\"code\":\"UNRESOLVED_COMPLAINT\",\"detail\":"
                              + "\"unresolved: case 0b6e7c1a-... opened 2026-11-02T09:00:00Z\","
                              + "\"points\":20},{\"code\":\"MANY_HANDOFFS\",\"detail\":\"case"
                              + " 0b6e7c1a-... went SALES -> DELIVERY -> SUPPORT\",\"points\":10},"
                              + "{\"code\":\"LOW_RATING\",\"detail\":\"latest rating CSAT 1 on"
                              + " 2026-11-03T10:00:00Z\",\"points\":15},{\"code\":"
                              + "\"NEGATIVE_SENTIMENT\",\"detail\":\"average sentiment of the"
                              + " latest interactions is -0.6\",\"points\":10}],"
                              + "\"nextBestActions\":[{\"code\":\"GOODWILL_GESTURE\",\"detail\":"
                              + "\"offer a goodwill gesture up to 25.00\"},{\"code\":"
                              + "\"ASSIGN_SINGLE_OWNER\",\"detail\":\"case 0b6e7c1a-... has"
                              + " bounced SALES -> DELIVERY -> SUPPORT\"}],\"experiments\":[],"
                              + "\"metrics\":{\"interactions\":4,\"openCases\":1},"
                              + "\"computedAt\":\"2026-11-04T08:00:00Z\"}")))
  @APIResponse(
      responseCode = "404",
      description = "Unknown, erased or merged customer (a merged one names mergedInto)",
      content = @Content(mediaType = "application/problem+json"))
  public InsightResponse get(@PathParam("id") UUID id) {
    Insight insight = insights.find(id);
    List<CustomerExperiments.Participation> in = experiments.of(insight.customerId());
    List<String> done =
        experiments.actedSince(
            insight.customerId(), clock.instant().minus(config.outcome().window()));
    return InsightResponse.from(
        insight, ArmRecommendations.apply(insight.nextBestActions(), in, done), in);
  }
}
