package io.outsidein.insight.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.events.interaction.ActionCode;
import io.outsidein.insight.scoring.ChurnRisk;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /experiments and its parts; the arms are stored as given. */
public final class ExperimentRequests {
  private ExperimentRequests() {}

  /** What an experiment measures in each arm, from the outcome windows of insight-service. */
  public enum Outcome {
    RETAINED,
    HEALTH_CHANGE,
    NEW_COMPLAINT
  }

  @Schema(name = "NewExperiment")
  public record NewExperiment(
      @Schema(example = "Call back silent customers") @NotBlank @Size(max = 200) String name,
      @Schema(example = "A call brings silent customers back") @Size(max = 2000) String hypothesis,
      @Valid Population population,
      @NotNull @Size(min = 2, max = 10) List<@Valid @NotNull Arm> arms,
      @NotNull Outcome outcome,
      @Schema(example = "2026-12-01T00:00:00Z") @NotNull Instant startsAt,
      @Schema(example = "2027-03-01T00:00:00Z") Instant endsAt) {}

  /** Who takes part; every part optional (nothing: every customer). */
  @Schema(name = "ExperimentPopulation")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Population(
      @Schema(example = "smb") @Pattern(regexp = "[a-z0-9-]{1,40}") String segment,
      ChurnRisk minRisk,
      @Schema(example = "ACTIVITY_DROP") @Pattern(regexp = "[A-Z_]{1,60}") String reasonCode) {}

  @Schema(name = "ExperimentArm")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Arm(
      @Schema(example = "callBack") @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,60}") String name,
      @Schema(example = "1") @NotNull @Min(1) @Max(1000) Integer weight,
      @Valid Treatment treatment) {}

  /**
   * An action to recommend, a goodwill latitude per currency, or nothing (control). An empty
   * latitude is none: generated clients send {@code {}} for a map nobody set.
   */
  @Schema(name = "ExperimentTreatment")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Treatment(
      ActionCode action,
      @Size(max = 10)
          Map<
                  @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
                  String,
                  @NotNull
                  @Pattern(
                      regexp = "(?=.*[1-9])[0-9]{1,15}(\\.[0-9]{1,4})?",
                      message = "must be a positive decimal string such as \"50.00\"")
                  String>
              latitude) {}

  /** The arm as stored: an empty latitude is none, and a treatment of nothing is no treatment. */
  static Arm normalised(Arm arm) {
    Treatment t = arm.treatment();
    if (t == null) {
      return arm;
    }
    Map<String, String> latitude =
        t.latitude() == null || t.latitude().isEmpty() ? null : t.latitude();
    Treatment kept =
        t.action() == null && latitude == null ? null : new Treatment(t.action(), latitude);
    return new Arm(arm.name(), arm.weight(), kept);
  }
}
