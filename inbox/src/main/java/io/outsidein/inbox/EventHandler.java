package io.outsidein.inbox;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventType;

/**
 * Applies the events a service consumes. The inbox calls it inside the transaction that records the
 * event id, so the effect and the record of it commit together.
 */
public interface EventHandler {

  /** Applies one event of a known type; throwing rolls the effect back and retries it. */
  void apply(CloudEvent event, EventType type);

  /**
   * Called once at the end of each transaction of applied events, before it commits: work that
   * several events of one poll share (recomputing a customer they all touched) is done here once.
   */
  default void beforeCommit() {}
}
