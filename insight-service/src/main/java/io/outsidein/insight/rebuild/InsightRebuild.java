package io.outsidein.insight.rebuild;

import java.time.Instant;
import java.util.UUID;

/** A rebuild of the read model, as its caller follows it: progress, then the outcome. */
public record InsightRebuild(
    UUID id,
    Status status,
    Instant startedAt,
    Instant finishedAt,
    RebuildService.Progress progress,
    Long customers,
    String failure) {

  public enum Status {
    RUNNING,
    COMPLETED,
    FAILED
  }
}
