package io.outsidein.interaction.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.domain.Gesture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Gesture")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GestureResponse(
    @Schema(example = "9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d") UUID id,
    @Schema(example = "0b7e2f40-1c8d-4f5e-a9b0-c1d2e3f40516") UUID caseId,
    @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID customerId,
    Money amount,
    @Schema(example = "Parcel arrived damaged") String reason,
    GestureStatus status,
    @Schema(description = "What the goodwill policy decided when it was granted, and why")
        Decision decision,
    @Schema(
            example = "25.00",
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            description =
                "The latitude of the customer's segment in the gesture's currency when it was"
                    + " granted; absent when the policy named no such currency")
        @com.fasterxml.jackson.annotation.JsonFormat(
            shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING)
        BigDecimal latitude,
    Instant grantedAt,
    @Schema(example = "agent-desk") String grantedBy,
    Instant decidedAt,
    @Schema(example = "supervisor-desk") String decidedBy,
    @Schema(example = "Loyal customer, approved") String decisionNote,
    @Schema(
            example = "PT2H5M",
            description =
                "How long it has waited for a supervisor, an ISO-8601 duration in whole seconds;"
                    + " only while PENDING_APPROVAL")
        String age) {

  /** The policy's decision at grant time; a supervisor's decision comes later, in status. */
  @Schema(name = "GestureDecisionExplained")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Decision(
      @Schema(enumeration = {"APPROVED", "PENDING_APPROVAL"}) GestureStatus outcome,
      @Schema(
              example = "CUSTOMER_WINDOW_EXCEEDED",
              enumeration = {
                "WITHIN_LATITUDE",
                "CURRENCY_NOT_IN_POLICY",
                "ABOVE_LATITUDE",
                "CUSTOMER_WINDOW_EXCEEDED",
                "PERSON_MONTH_EXCEEDED"
              })
          String rule,
      @Schema(example = "30.00 of 50.00 EUR already approved for this customer since 2026-09-07")
          String detail,
      @Schema(example = "3", description = "The policy version that decided")
          Integer policyVersion) {}

  /** The gesture as the API shows it at {@code now} (its age while it waits). */
  static GestureResponse from(Gesture g, Instant now) {
    return new GestureResponse(
        g.id,
        g.caseId,
        g.customerId,
        g.amount(),
        g.reason,
        g.status,
        new Decision(g.decisionOutcome, g.decisionRule, g.decisionDetail, g.policyVersion),
        g.latitude,
        g.grantedAt,
        g.grantedBy,
        g.decidedAt,
        g.decidedBy,
        g.decisionNote,
        g.status == GestureStatus.PENDING_APPROVAL ? age(g.grantedAt, now) : null);
  }

  private static String age(Instant grantedAt, Instant now) {
    Duration waited = Duration.between(grantedAt, now).truncatedTo(ChronoUnit.SECONDS);
    return (waited.isNegative() ? Duration.ZERO : waited).toString();
  }
}
