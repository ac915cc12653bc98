package io.outsidein.interaction.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Items are read as raw JSON so that each is parsed and validated on its own: one bad item gets its
 * own problem instead of refusing the whole batch.
 */
@Schema(name = "InteractionBatch")
public record BatchRequest(
    @Schema(
            type = SchemaType.ARRAY,
            implementation = RecordInteractionRequest.class,
            minItems = 1,
            maxItems = 1000)
        @NotNull
        @Size(min = 1, max = 1000)
        List<JsonNode> items) {}
