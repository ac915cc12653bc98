package io.outsidein.events;

/**
 * Kafka topic names; every topic is keyed by customer id so events of one customer stay in order.
 */
public final class Topics {
  public static final String CUSTOMER_EVENTS = "customer-events";
  public static final String INTERACTION_EVENTS = "interaction-events";

  /** Experiments designed and stopped (keyed by experiment id) and customers enrolled in them. */
  public static final String EXPERIMENT_EVENTS = "experiment-events";

  private Topics() {}

  /** The dead-letter topic of a consuming service, for example {@code insight-service.dlq}. */
  public static String deadLetter(String consumerName) {
    return consumerName + ".dlq";
  }
}
