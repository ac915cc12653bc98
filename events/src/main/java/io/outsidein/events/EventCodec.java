package io.outsidein.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds, writes and reads CloudEvents; one mapper so that every service writes the same JSON. */
public final class EventCodec {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // A newer producer may add fields; an older consumer must still read the event.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EventCodec() {}

  public static CloudEvent envelope(
      EventData data, String source, Instant time, String requestId, String actor) {
    return new CloudEvent(
        CloudEvent.SPEC_VERSION,
        TimeOrderedIds.next(),
        source,
        data.eventType().typeName(),
        time,
        data.subject(),
        "application/json",
        data.eventType().dataSchema(),
        requestId,
        actor,
        MAPPER.valueToTree(data));
  }

  public static byte[] write(CloudEvent event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event cannot be written as JSON", e);
    }
  }

  public static String writeString(CloudEvent event) {
    return new String(write(event), StandardCharsets.UTF_8);
  }

  /** Reads an envelope; a record that is not a CloudEvent is a {@link MalformedEventException}. */
  public static CloudEvent read(byte[] json) {
    try {
      CloudEvent event = MAPPER.readValue(json, CloudEvent.class);
      if (event.id() == null
          || event.type() == null
          || !CloudEvent.SPEC_VERSION.equals(event.specversion())) {
        throw new MalformedEventException(
            "not a CloudEvents 1.0 event: id, type or specversion missing");
      }
      return event;
    } catch (IOException e) {
      throw new MalformedEventException(
          "not a CloudEvents 1.0 JSON event: " + originalMessage(e), e);
    }
  }

  /** The typed payload of an event of a known type. */
  public static <T extends EventData> T data(CloudEvent event, Class<T> type) {
    try {
      return MAPPER.treeToValue(event.data(), type);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException(
          "data of " + event.type() + " does not match " + type.getSimpleName(), e);
    }
  }

  public static EventData data(CloudEvent event, EventType type) {
    return data(event, type.dataType());
  }

  /** Thrown for a record that can never be processed, however often it is retried. */
  public static final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
      super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }
}
