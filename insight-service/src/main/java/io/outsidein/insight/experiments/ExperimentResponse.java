package io.outsidein.insight.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.insight.experiments.ExperimentRequests.Arm;
import io.outsidein.insight.experiments.ExperimentRequests.Outcome;
import io.outsidein.insight.experiments.ExperimentRequests.Population;
import io.outsidein.insight.scoring.ChurnRisk;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Experiment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentResponse(
    UUID id,
    String name,
    String hypothesis,
    Population population,
    List<Arm> arms,
    Outcome outcome,
    Instant startsAt,
    Instant endsAt,
    Experiment.Status status,
    Instant createdAt,
    String createdBy,
    Instant stoppedAt,
    String stoppedBy) {

  static ExperimentResponse from(Experiment e, List<Arm> arms, Instant now) {
    return new ExperimentResponse(
        e.id,
        e.name,
        e.hypothesis,
        new Population(
            e.segment, e.minRisk == null ? null : ChurnRisk.valueOf(e.minRisk), e.reasonCode),
        arms,
        Outcome.valueOf(e.outcome),
        e.startsAt,
        e.endsAt,
        e.status(now),
        e.createdAt,
        e.createdBy,
        e.stoppedAt,
        e.stoppedBy);
  }

  /** A page of experiments, newest first. */
  public record Page(List<ExperimentResponse> items, String next) {}
}
