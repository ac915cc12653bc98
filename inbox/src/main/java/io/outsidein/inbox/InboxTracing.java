package io.outsidein.inbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Continues the producer's trace for each consumed event: the span that applies it is a child of
 * the context found in the record headers. With tracing off the span is a no-op.
 */
@ApplicationScoped
class InboxTracing {
  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  InboxTracing(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("io.outsidein.inbox");
  }

  /** Starts the span that applies one record; the caller makes it current and ends it. */
  Span startProcess(ConsumerRecord<String, byte[]> record, String group) {
    Context producer =
        openTelemetry
            .getPropagators()
            .getTextMapPropagator()
            .extract(Context.root(), record.headers(), HeadersGetter.INSTANCE);
    return tracer
        .spanBuilder(record.topic() + " process")
        .setSpanKind(SpanKind.CONSUMER)
        .setParent(producer)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.operation.type", "process")
        .setAttribute("messaging.destination.name", record.topic())
        .setAttribute("messaging.consumer.group.name", group)
        .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
        .setAttribute("messaging.kafka.offset", record.offset())
        .startSpan();
  }

  private enum HeadersGetter implements TextMapGetter<Headers> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Headers headers) {
      List<String> keys = new ArrayList<>();
      headers.forEach(header -> keys.add(header.key()));
      return keys;
    }

    @Override
    public String get(Headers headers, String key) {
      if (headers == null) {
        return null;
      }
      Header header = headers.lastHeader(key);
      return header == null || header.value() == null
          ? null
          : new String(header.value(), StandardCharsets.UTF_8);
    }
  }
}
