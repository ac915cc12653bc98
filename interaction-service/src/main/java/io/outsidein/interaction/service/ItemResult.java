package io.outsidein.interaction.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.kit.problem.Problem;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of one batch item: 201 with the new id, or the problem that refused it. */
@Schema(name = "BatchItemResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(
    @Schema(example = "0") int index,
    @Schema(example = "201") int status,
    @Schema(example = "3a9d5c7e-2b1f-4e6d-8c0a-9b8a7c6d5e4f") UUID id,
    Problem problem) {

  static ItemResult created(int index, UUID id) {
    return new ItemResult(index, 201, id, null);
  }

  static ItemResult refused(int index, Problem problem) {
    return new ItemResult(index, problem.status(), null, problem);
  }
}
