package io.outsidein.interaction.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Money;
import io.outsidein.events.interaction.Rating;
import io.outsidein.interaction.domain.Interaction;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Interaction")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionResponse(
    @Schema(example = "3a9d5c7e-2b1f-4e6d-8c0a-9b8a7c6d5e4f") UUID id,
    @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID customerId,
    @Schema(example = "2025-03-01T10:15:30Z") Instant occurredAt,
    @Schema(example = "2025-03-01T10:15:31Z") Instant recordedAt,
    Channel channel,
    Department department,
    InteractionType type,
    @Schema(example = "Parcel arrived damaged, second call") String summary,
    UUID caseId,
    Rating rating,
    @Schema(example = "-0.6") Double sentiment,
    Money amount,
    @Schema(example = "crm-call-88412") String externalId,
    Map<String, Object> attributes,
    @Schema(
            example = "contact-centre-app",
            description = "Who recorded it (the caller's client or person); absent when unknown")
        String recordedBy) {

  public static InteractionResponse from(Interaction i) {
    return new InteractionResponse(
        i.id,
        i.customerId,
        i.occurredAt,
        i.recordedAt,
        i.channel,
        i.department,
        i.type,
        i.summary,
        i.caseId,
        i.rating(),
        i.sentiment,
        i.amount(),
        i.externalId,
        i.attributes,
        i.recordedBy);
  }
}
