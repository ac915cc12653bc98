package io.outsidein.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * What the outbox passes on of the writing request's trace: nothing while tracing is off (the
 * services' default, {@code quarkus.otel.sdk.disabled=true}), the writer's trace when it is on.
 */
class OutboxTracingTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void withTracingOffTheEventCarriesNoTraceContext() {
    OpenTelemetry off = OpenTelemetry.noop();
    OutboxTracing tracing = new OutboxTracing(off);
    Span request = off.getTracer("test").spanBuilder("POST /interactions").startSpan();
    String stored;
    try (Scope ignored = request.makeCurrent()) {
      stored = tracing.currentTraceparent();
    } finally {
      request.end();
    }
    assertThat(stored).isNull();

    OutboxMessage message = message(stored);
    RecordHeaders headers = new RecordHeaders();
    tracing.inject(tracing.startPublish(message), headers);
    assertThat(headers.lastHeader(OutboxTracing.TRACEPARENT)).isNull();
  }

  @Test
  void theWritersTraceGoesOnInTheRecordHeaders() {
    OpenTelemetry propagating =
        OpenTelemetry.propagating(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
    OutboxTracing tracing = new OutboxTracing(propagating);
    OutboxMessage message = message("00-" + TRACE_ID + "-00f067aa0ba902b7-01");

    RecordHeaders headers = new RecordHeaders();
    tracing.inject(tracing.startPublish(message), headers);

    assertThat(headers.lastHeader(OutboxTracing.TRACEPARENT)).isNotNull();
    assertThat(
            new String(
                headers.lastHeader(OutboxTracing.TRACEPARENT).value(), StandardCharsets.UTF_8))
        .contains(TRACE_ID);
    assertThat(message.payload).doesNotContain(TRACE_ID);
  }

  private static OutboxMessage message(String traceparent) {
    OutboxMessage message = new OutboxMessage();
    message.id = UUID.randomUUID();
    message.topic = "interaction-events";
    message.messageKey = UUID.randomUUID().toString();
    message.eventType = "interaction.recorded.v1";
    message.payload = "{\"specversion\":\"1.0\"}";
    message.traceparent = traceparent;
    return message;
  }
}
