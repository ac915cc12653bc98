package io.outsidein.interaction.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.domain.Gesture;
import java.math.BigDecimal;
import java.time.Instant;
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
    @Schema(
            example = "25.00",
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            description = "The latitude of the customer's segment when it was granted")
        @com.fasterxml.jackson.annotation.JsonFormat(
            shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING)
        BigDecimal latitude,
    Instant grantedAt,
    @Schema(example = "agent-desk") String grantedBy,
    Instant decidedAt,
    @Schema(example = "supervisor-desk") String decidedBy,
    @Schema(example = "Loyal customer, approved") String decisionNote) {

  static GestureResponse from(Gesture g) {
    return new GestureResponse(
        g.id,
        g.caseId,
        g.customerId,
        g.amount(),
        g.reason,
        g.status,
        g.latitude,
        g.grantedAt,
        g.grantedBy,
        g.decidedAt,
        g.decidedBy,
        g.decisionNote);
  }
}
