package io.outsidein.interaction.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.interaction.service.GestureService;
import io.outsidein.interaction.service.GoodwillRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the caller may still give a customer now, per currency, and the customer's last gestures.
 */
@Schema(name = "GoodwillStanding")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoodwillStandingResponse(
    @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID customerId,
    @Schema(example = "premium", description = "Absent when the service does not know it")
        String segment,
    @Schema(example = "agent-desk", description = "The caller, whose month is counted")
        String actor,
    @Schema(example = "3") int policyVersion,
    Instant asOf,
    @Schema(description = "Per ISO 4217 currency of the current policy")
        Map<String, Allowance> currencies,
    @Schema(description = "The customer's last gestures, newest first, at most 10")
        List<GestureResponse> lastGestures) {

  @Schema(name = "GoodwillAllowance")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Allowance(
      @Schema(
              example = "25.00",
              description =
                  "The latitude per gesture for this customer: their experiment arm's when it"
                      + " grants one in this currency, else their segment's")
          String latitude,
      @Schema(
              example = "5b0e7c1a-3d2f-4e6a-8b9c-0d1e2f3a4b5c",
              description =
                  "The experiment whose arm grants the latitude; absent when the segment's applies")
          UUID experimentId,
      @Schema(
              example = "generous",
              pattern = "^[A-Za-z0-9_-]{1,60}$",
              description = "The customer's arm in that experiment; absent with experimentId")
          String arm,
      Budget customerWindow,
      Budget personMonth,
      @Schema(
              example = "20.00",
              description = "The most one gesture may be and still be approved at once")
          String atOnce) {}

  @Schema(name = "GoodwillBudget")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Budget(
      @Schema(example = "50.00") String amount,
      @Schema(example = "90", description = "The rolling window in days; absent for the month")
          Integer days,
      @Schema(example = "2026-09-07", description = "Counted from this day (UTC), exclusive")
          LocalDate since,
      @Schema(example = "30.00", description = "Approved at once since then") String approved,
      @Schema(example = "20.00") String left) {}

  static GoodwillStandingResponse from(GestureService.Standing standing, Instant now) {
    Map<String, Allowance> currencies = new TreeMap<>();
    for (GoodwillRules.Allowance a : standing.currencies()) {
      currencies.put(
          a.currency(),
          new Allowance(
              GoodwillRules.plain(a.latitude()),
              a.arm() == null ? null : a.arm().experimentId(),
              a.arm() == null ? null : a.arm().arm(),
              new Budget(
                  GoodwillRules.plain(a.rules().windowAmount()),
                  a.rules().windowDays(),
                  a.usage().windowSince(),
                  GoodwillRules.plain(a.usage().customerWindow()),
                  GoodwillRules.plain(a.windowLeft())),
              new Budget(
                  GoodwillRules.plain(a.rules().personMonth()),
                  null,
                  a.usage().monthSince(),
                  GoodwillRules.plain(a.usage().personMonth()),
                  GoodwillRules.plain(a.monthLeft())),
              GoodwillRules.plain(a.atOnce())));
    }
    return new GoodwillStandingResponse(
        standing.customerId(),
        standing.segment(),
        standing.actor(),
        standing.policyVersion(),
        now,
        currencies,
        standing.lastGestures().stream().map(g -> GestureResponse.from(g, now)).toList());
  }
}
