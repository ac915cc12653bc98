package io.outsidein.events;

import java.util.UUID;

/**
 * The payload of an event. Payloads carry ids, enums, numbers and timestamps only, never names,
 * contact details or free text, so erasing a customer in the owning database forgets the person.
 */
public interface EventData {

  /** The customer the event is about: the Kafka key and the CloudEvents subject. */
  UUID customerId();

  EventType eventType();
}
