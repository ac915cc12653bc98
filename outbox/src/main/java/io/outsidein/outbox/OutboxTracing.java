package io.outsidein.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a request's trace across the outbox: the writer's span context is kept with the row as a
 * W3C traceparent, and the relay publishes under a producer span that is its child, with that
 * span's context in the Kafka headers. With tracing off nothing is kept and no span is made.
 */
@ApplicationScoped
class OutboxTracing {
  static final String TRACEPARENT = "traceparent";

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  OutboxTracing(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("io.outsidein.outbox");
  }

  /** The traceparent of the span running now, or null outside a trace. */
  String currentTraceparent() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>(2);
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /** Starts the span that publishes one row; an invalid (no-op) span when the row has no trace. */
  Span startPublish(OutboxMessage message) {
    if (message.traceparent == null) {
      return Span.getInvalid();
    }
    Context writer =
        W3CTraceContextPropagator.getInstance()
            .extract(Context.root(), Map.of(TRACEPARENT, message.traceparent), MapGetter.INSTANCE);
    return tracer
        .spanBuilder(message.topic + " publish")
        .setSpanKind(SpanKind.PRODUCER)
        .setParent(writer)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.operation.type", "send")
        .setAttribute("messaging.destination.name", message.topic)
        .setAttribute("messaging.message.id", message.id.toString())
        .setAttribute("cloudevents.event_type", message.eventType)
        .startSpan();
  }

  /**
   * Puts the publishing span's context in the record headers, as the configured propagators say.
   */
  void inject(Span publish, Headers headers) {
    if (!publish.getSpanContext().isValid()) {
      return;
    }
    openTelemetry
        .getPropagators()
        .getTextMapPropagator()
        .inject(
            Context.root().with(publish),
            headers,
            (carrier, key, value) ->
                carrier.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
  }

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return List.copyOf(carrier.keySet());
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
