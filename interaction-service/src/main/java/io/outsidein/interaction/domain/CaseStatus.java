package io.outsidein.interaction.domain;

public enum CaseStatus {
  OPEN,
  RESOLVED
}
