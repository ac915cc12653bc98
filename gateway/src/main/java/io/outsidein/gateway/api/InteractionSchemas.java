package io.outsidein.gateway.api;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public shapes of interactions (touchpoints). */
public final class InteractionSchemas {
  private InteractionSchemas() {}

  @Schema(name = "Rating", description = "CSAT (1-5) or NPS (0-10)")
  public record RatingInput(
      Rating.Scale scale,
      @Schema(example = "4", minimum = "0", maximum = "10", format = "int32") int score) {}

  @Schema(name = "NewInteraction", description = "A touchpoint to record")
  public record NewInteraction(
      @Schema(required = true, example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID customerId,
      @Schema(
              description = "Defaults to now; the future is refused",
              example = "2025-05-04T10:15:30Z")
          Instant occurredAt,
      @Schema(required = true) Channel channel,
      @Schema(required = true) Department department,
      @Schema(required = true) InteractionType type,
      @Schema(example = "Asked where the parcel is", maxLength = 2000) String summary,
      @Schema(nullable = true) UUID caseId,
      RatingInput rating,
      @Schema(example = "-0.4", minimum = "-1", maximum = "1", format = "double") Double sentiment,
      Common.Money amount,
      @Schema(example = "zendesk-88123", maxLength = 200) String externalId,
      @Schema(implementation = Common.Attributes.class) Object attributes) {}

  @Schema(name = "Interaction", description = "A recorded touchpoint")
  public record Interaction(
      @Schema(example = "2a4b6c8d-1e3f-4a5b-8c7d-9e0f1a2b3c4d") UUID id,
      UUID customerId,
      Instant occurredAt,
      Channel channel,
      Department department,
      InteractionType type,
      @Schema(maxLength = 2000) String summary,
      @Schema(nullable = true) UUID caseId,
      RatingInput rating,
      @Schema(minimum = "-1", maximum = "1", format = "double") Double sentiment,
      Common.Money amount,
      @Schema(maxLength = 200) String externalId,
      @Schema(implementation = Common.Attributes.class) Object attributes,
      Instant recordedAt) {}

  @Schema(name = "InteractionPage", description = "One page of interactions, newest first")
  public record InteractionPage(
      @Schema(maxItems = 200) List<Interaction> items,
      @Schema(nullable = true, maxLength = 200) String next) {}

  @Schema(name = "InteractionBatch", description = "Up to 1000 interactions to record at once")
  public record InteractionBatch(
      @Schema(required = true, maxItems = 1000, minItems = 1) List<NewInteraction> items) {}

  @Schema(name = "BatchItemResult", description = "The outcome of one item of a batch")
  public record BatchItemResult(
      @Schema(example = "0", minimum = "0", maximum = "999", format = "int32") int index,
      @Schema(example = "201", minimum = "100", maximum = "599", format = "int32") int status,
      @Schema(nullable = true) UUID id,
      @Schema(nullable = true, implementation = io.outsidein.kit.problem.Problem.class)
          Object problem) {}

  @Schema(name = "BatchResult", description = "Per-item results; valid items are stored")
  public record BatchResult(@Schema(maxItems = 1000) List<BatchItemResult> results) {}
}
