package io.outsidein.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode; {@code dataschema} points at the event's message
 * in the event catalogue (docs/asyncapi.yaml, whose {@code id} is {@link EventType#CATALOGUE}). Two
 * extension attributes name the cause: {@code requestid}, the X-Request-Id of the call, and {@code
 * actor}, the employee or system that made it (the service's own name for work no caller caused).
 * Both are absent from events written before they existed; consumers must accept that.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
    String specversion,
    UUID id,
    String source,
    String type,
    Instant time,
    String subject,
    String datacontenttype,
    String dataschema,
    String requestid,
    String actor,
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/cloudevents+json";

  /** The catalogue entry of this event, empty for a type this version does not know. */
  public java.util.Optional<EventType> eventType() {
    return EventType.of(type);
  }
}
