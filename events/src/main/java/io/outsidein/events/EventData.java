package io.outsidein.events;

/**
 * The payload of an event. Payloads carry ids, enums, numbers and timestamps only, never names,
 * contact details or free text, so erasing a customer in the owning database forgets the person.
 */
public interface EventData {

  /**
   * What the event is about: the Kafka key and the CloudEvents subject. A customer's events use the
   * customer id ({@link CustomerEventData}), so that they stay in order.
   */
  String subject();

  EventType eventType();
}
