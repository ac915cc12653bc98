package io.outsidein.insight.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.insight.experiments.ExperimentRequests.Outcome;
import io.outsidein.insight.experiments.ExperimentResults.ArmResult;
import io.outsidein.insight.experiments.ExperimentResults.Comparison;
import io.outsidein.insight.experiments.ExperimentResults.SegmentResults;
import io.outsidein.insight.experiments.ExperimentResults.Verdict;
import io.outsidein.insight.outcomes.WireFigures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** GET /experiments/{id}/results; absent figures are written as null. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExperimentResultsResponse(
    UUID experimentId,
    Outcome outcome,
    Experiment.Status status,
    String outcomeWindow,
    int minimumPerArm,
    String test,
    List<ArmResult> arms,
    List<Comparison> comparisons,
    Verdict verdict,
    List<SegmentResults> segments) {

  /** The always-valid test behind every comparison ({@link SequentialTest}). */
  static final String TEST = "mSPRT";

  static ExperimentResultsResponse from(ExperimentResults.Results r, Instant now) {
    return new ExperimentResultsResponse(
        r.experiment().id,
        r.outcome(),
        r.experiment().status(now),
        WireFigures.iso(r.window()),
        r.minimumPerArm(),
        TEST,
        r.arms(),
        r.comparisons(),
        r.verdict(),
        r.segments());
  }
}
