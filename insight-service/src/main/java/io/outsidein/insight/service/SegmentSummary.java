package io.outsidein.insight.service;

import java.util.List;
import java.util.Map;

/** One segment's figures. */
public record SegmentSummary(
    String segment,
    long customers,
    Double averageHealth,
    Map<String, Long> risk,
    Integer nps,
    Double csat,
    Double averageEffort,
    List<Friction> topFriction) {

  /** Handoffs from one department to another, counted over the segment's cases. */
  public record Friction(String from, String to, long count) {}
}
