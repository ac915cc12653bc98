package io.outsidein.demo;

/**
 * The kinds of customer planted in the demo population, so that the insight views have a story to
 * tell and the at-risk ranking can be checked against what was planted.
 */
public enum Persona {
  /** Regular activity, good ratings, few problems. */
  LOYAL(0.45),
  /** Recent complaints, cases bounced between departments, low ratings, negative sentiment. */
  FRUSTRATED(0.15),
  /** A regular rhythm that stopped two to four months ago, often right after a bad experience. */
  SILENT_CHURNER(0.12),
  /** First seen in the last few weeks. */
  NEW(0.13),
  /** Frequent, enthusiastic, high NPS. */
  PROMOTER(0.15);

  private final double share;

  Persona(double share) {
    this.share = share;
  }

  public double share() {
    return share;
  }

  /** Whether a good at-risk ranking should put this persona near the top. */
  public boolean atRisk() {
    return this == FRUSTRATED || this == SILENT_CHURNER;
  }
}
