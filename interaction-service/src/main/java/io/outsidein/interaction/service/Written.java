package io.outsidein.interaction.service;

import io.outsidein.interaction.domain.Interaction;

/** What became of one touchpoint written with others: stored, or refused and why. */
record Written(Interaction interaction, RuntimeException failure) {

  static Written stored(Interaction interaction) {
    return new Written(interaction, null);
  }

  static Written failed(RuntimeException failure) {
    return new Written(null, failure);
  }

  /** The stored touchpoint, or the refusal thrown on the caller's thread. */
  Interaction orThrow() {
    if (failure != null) {
      throw failure;
    }
    return interaction;
  }
}
