package io.outsidein.kit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body: the one error format of the whole suite. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
    @Schema(example = "https://outside-in.io/problems/validation") URI type,
    @Schema(example = "Invalid request") String title,
    @Schema(example = "400") int status,
    @Schema(example = "displayName: must not be blank") String detail,
    @Schema(example = "/customers") String instance,
    List<FieldError> errors,
    @Schema(hidden = true) Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://outside-in.io/problems/";

  /** Extension members (for example {@code existingId}) are written at the top level. */
  @JsonAnyGetter
  public Map<String, Object> extensionMembers() {
    return extensions == null ? Map.of() : extensions;
  }

  @Override
  @com.fasterxml.jackson.annotation.JsonIgnore
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** One invalid field of a request. */
  public record FieldError(
      @Schema(example = "displayName") String field,
      @Schema(example = "must not be blank") String message) {}
}
