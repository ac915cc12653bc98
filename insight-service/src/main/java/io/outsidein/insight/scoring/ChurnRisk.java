package io.outsidein.insight.scoring;

/** How likely a customer is to leave; the rank orders the at-risk list. */
public enum ChurnRisk {
  LOW(1),
  MEDIUM(2),
  HIGH(3);

  private final int rank;

  ChurnRisk(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  public static ChurnRisk ofRank(int rank) {
    for (ChurnRisk risk : values()) {
      if (risk.rank == rank) {
        return risk;
      }
    }
    throw new IllegalArgumentException("no churn risk of rank " + rank);
  }
}
