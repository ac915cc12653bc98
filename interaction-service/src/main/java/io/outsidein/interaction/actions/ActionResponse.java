package io.outsidein.interaction.actions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.events.interaction.ActionCode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Action")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionResponse(
    @Schema(example = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b") UUID id,
    @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID customerId,
    ActionCode code,
    @Schema(example = "0b7e2f40-1c8d-4f5e-a9b0-c1d2e3f40516") UUID caseId,
    @Schema(
            example = "9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
            description = "The approved gesture this action is")
        UUID gestureId,
    @Schema(example = "Called back, offered a visit") String note,
    Instant takenAt,
    @Schema(example = "agent-desk") String takenBy) {

  static ActionResponse from(TakenAction a) {
    return new ActionResponse(
        a.id, a.customerId, a.code, a.caseId, a.gestureId, a.note, a.takenAt, a.takenBy);
  }
}
