package io.outsidein.interaction.rest;

import io.outsidein.events.interaction.Rating;
import io.outsidein.interaction.rest.validation.ScoreInScale;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Rating", description = "A survey answer: CSAT scores 1 to 5, NPS scores 0 to 10")
@ScoreInScale
public record RatingInput(
    @Schema(example = "NPS") @NotNull Rating.Scale scale,
    @Schema(example = "9") @NotNull Integer score) {

  Rating toRating() {
    return new Rating(scale, score);
  }

  static RatingInput from(Rating rating) {
    return rating == null ? null : new RatingInput(rating.scale(), rating.score());
  }
}
