package io.outsidein.insight.service;

import io.outsidein.events.interaction.InteractionRecorded;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The interactions the current transaction has taken but not yet stored: {@link TouchpointRecorder}
 * stores them together, in a few statements, before the next event of another kind and before the
 * transaction commits.
 */
@TransactionScoped
public class PendingTouchpoints implements Serializable {
  private final List<InteractionRecorded> interactions = new ArrayList<>();

  void add(InteractionRecorded interaction) {
    interactions.add(interaction);
  }

  List<InteractionRecorded> drain() {
    List<InteractionRecorded> all = List.copyOf(interactions);
    interactions.clear();
    return all;
  }
}
