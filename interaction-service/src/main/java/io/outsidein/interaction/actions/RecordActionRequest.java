package io.outsidein.interaction.actions;

import io.outsidein.events.interaction.ActionCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordAction", description = "What someone did for the customer")
public record RecordActionRequest(
    @Schema(example = "PROACTIVE_OUTREACH") @NotNull ActionCode code,
    @Schema(
            example = "0b7e2f40-1c8d-4f5e-a9b0-c1d2e3f40516",
            description = "The customer's case the action was about")
        UUID caseId,
    @Schema(example = "Called back, offered a visit", maxLength = 2000) @Size(max = 2000)
        String note) {}
