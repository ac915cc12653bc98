package io.outsidein.events.interaction;

/** A survey answer: CSAT scores 1 to 5, NPS scores 0 to 10. */
public record Rating(Scale scale, int score) {
  public enum Scale {
    CSAT(1, 5),
    NPS(0, 10);

    private final int min;
    private final int max;

    Scale(int min, int max) {
      this.min = min;
      this.max = max;
    }

    public int min() {
      return min;
    }

    public int max() {
      return max;
    }

    public boolean accepts(int score) {
      return score >= min && score <= max;
    }
  }
}
