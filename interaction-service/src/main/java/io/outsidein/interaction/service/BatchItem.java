package io.outsidein.interaction.service;

import io.outsidein.kit.problem.Problem;

/** One item of a batch as parsed: a touchpoint to record, or the problem that refused it. */
public record BatchItem(NewInteraction request, Problem problem) {
  public static BatchItem valid(NewInteraction request) {
    return new BatchItem(request, null);
  }

  public static BatchItem refused(Problem problem) {
    return new BatchItem(null, problem);
  }
}
