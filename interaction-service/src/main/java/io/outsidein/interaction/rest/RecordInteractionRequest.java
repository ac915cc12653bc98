package io.outsidein.interaction.rest;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.interaction.rest.validation.NotTooFarAhead;
import io.outsidein.interaction.service.NewInteraction;
import io.outsidein.kit.validation.ScalarValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordInteraction", description = "A touchpoint to record")
public record RecordInteractionRequest(
    @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") @NotNull UUID customerId,
    @Schema(
            example = "2025-03-01T10:15:30Z",
            description =
                "Default now; history may be imported (from 1900), more than 5 minutes ahead is"
                    + " refused")
        @NotTooFarAhead
        Instant occurredAt,
    @Schema(example = "PHONE") @NotNull Channel channel,
    @Schema(example = "SUPPORT") @NotNull Department department,
    @Schema(example = "COMPLAINT") @NotNull InteractionType type,
    @Schema(example = "Parcel arrived damaged, second call", maxLength = 2000) @Size(max = 2000)
        String summary,
    @Schema(example = "0b7e2f40-1c8d-4f5e-a9b0-c1d2e3f40516") UUID caseId,
    @Valid RatingInput rating,
    @Schema(example = "-0.6", minimum = "-1", maximum = "1") @DecimalMin("-1") @DecimalMax("1")
        Double sentiment,
    @Valid MoneyInput amount,
    @Schema(
            example = "crm-call-88412",
            maxLength = 200,
            description = "Unique per customer: a second one answers 409 with the existing id")
        @Size(min = 1, max = 200)
        String externalId,
    @Schema(
            example = "{\"agentTeam\": \"north\"}",
            description = "at most 50 scalar attributes (string, number or boolean)")
        @Size(max = 50)
        Map<String, @ScalarValue Object> attributes) {

  public NewInteraction toNewInteraction() {
    return new NewInteraction(
        customerId,
        occurredAt,
        channel,
        department,
        type,
        summary,
        caseId,
        rating == null ? null : rating.toRating(),
        sentiment,
        amount == null ? null : amount.toMoney(),
        externalId,
        attributes);
  }
}
