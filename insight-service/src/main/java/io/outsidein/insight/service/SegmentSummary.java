package io.outsidein.insight.service;

/** One segment's figures. */
public record SegmentSummary(String segment, long customers) {}
