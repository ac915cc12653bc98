package io.outsidein.events;

import java.util.UUID;

/** The payload of an event about one customer, keyed by the customer's id. */
public interface CustomerEventData extends EventData {

  /** The customer the event is about: the Kafka key and the CloudEvents subject. */
  UUID customerId();

  @Override
  default String subject() {
    return customerId().toString();
  }
}
