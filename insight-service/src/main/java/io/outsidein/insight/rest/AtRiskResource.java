package io.outsidein.insight.rest;

import io.outsidein.insight.scoring.ChurnRisk;
import io.outsidein.insight.service.AtRiskService;
import io.outsidein.kit.problem.QueryParams;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/insights/at-risk")
@Tag(name = "Insights")
@Produces(MediaType.APPLICATION_JSON)
public class AtRiskResource {
  private final AtRiskService atRisk;

  AtRiskResource(AtRiskService atRisk) {
    this.atRisk = atRisk;
  }

  @GET
  @Operation(
      summary = "Customers ranked by churn risk, then by health, each with its reasons",
      description = "Paged: pass the returned next as cursor; next is null on the last page.")
  @APIResponse(
      responseCode = "200",
      description = "One page of ranked customers",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          "{\"items\":[{\"customerId\":\"6f1c2d4e-8a0b-4c5d-9e7f-102030405060\","
                              + "\"segment\":\"smb\",\"churnRisk\":\"HIGH\",\"healthScore\":35,"
                              + "\"reasons\":[{\"code\":\"SILENT_AFTER_BAD_EXPERIENCE\","
                              + "\"detail\":\"no interaction for 40 days, usually every 4.0"
                              + " days, and the last experience was bad\",\"points\":40}],"
                              + "\"computedAt\":\"2026-11-04T08:00:00Z\"}],"
                              + "\"next\":\"djE6MzozNTo2ZjFj...\"}")))
  @APIResponse(
      responseCode = "400",
      description = "limit outside 1-200, unknown minRisk or a corrupt cursor",
      content = @Content(mediaType = "application/problem+json"))
  public AtRiskService.Page list(
      @Parameter(description = "Only this segment", example = "smb") @QueryParam("segment")
          String segment,
      @Parameter(description = "LOW, MEDIUM or HIGH: the lowest risk listed", example = "MEDIUM")
          @QueryParam("minRisk")
          @DefaultValue("LOW")
          String minRisk,
      @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit")
          String limit,
      @Parameter(description = "The next value of the previous page") @QueryParam("cursor")
          String cursor) {
    return atRisk.list(
        QueryParams.slug("segment", segment), risk(minRisk), QueryParams.limit(limit), cursor);
  }

  private static ChurnRisk risk(String value) {
    try {
      return ChurnRisk.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid(
          "minRisk",
          "must be one of "
              + Arrays.stream(ChurnRisk.values())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }
}
