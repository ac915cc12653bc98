package io.outsidein.insight.rest;

import io.outsidein.insight.service.JourneyService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/insights/journeys")
@Tag(name = "Insights")
@Produces(MediaType.APPLICATION_JSON)
public class JourneyResource {
  private final JourneyService journeys;

  JourneyResource(JourneyService journeys) {
    this.journeys = journeys;
  }

  @GET
  @Operation(
      summary = "The department paths of cases, and the handoff matrix",
      description = "Paths most frequent first, with case count, resolution hours and contacts.")
  @APIResponse(
      responseCode = "200",
      description = "Paths and handoffs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "journeys",
                      value =
                          "{\"paths\":[{\"path\":[\"SALES\",\"DELIVERY\",\"SUPPORT\"],"
                              + "\"cases\":12,\"averageResolutionHours\":30.5,"
                              + "\"averageContacts\":4.2}],\"handoffMatrix\":[{\"from\":"
                              + "\"SALES\",\"to\":\"DELIVERY\",\"count\":12}]}")))
  public JourneyService.Journeys journeys() {
    return journeys.journeys();
  }
}
