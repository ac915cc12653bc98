package io.outsidein.gateway.forward;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One client span per call to an internal service, child of the public request's span, with its
 * context sent along so the service continues the same trace. No-op while tracing is off.
 */
@ApplicationScoped
class UpstreamTracing {
  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  UpstreamTracing(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("io.outsidein.gateway");
  }

  /** Starts the call's span and adds its context to the request's headers. */
  Span start(String method, Upstream upstream, String path, Outbound outbound, MultiMap headers) {
    if (!Span.fromContext(outbound.trace()).getSpanContext().isValid()) {
      // Tracing is off (no server span to continue): make no span at all.
      return Span.getInvalid();
    }
    Span span =
        tracer
            .spanBuilder(method)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(outbound.trace())
            .setAttribute("http.request.method", method)
            .setAttribute("url.path", path)
            .setAttribute("peer.service", upstream.serviceName())
            .startSpan();
    openTelemetry
        .getPropagators()
        .getTextMapPropagator()
        .inject(outbound.trace().with(span), headers, MultiMap::set);
    return span;
  }

  /** Ends the call's span with the service's status, or the reason it did not answer. */
  void end(Span span, UpstreamAnswer response, Throwable failure) {
    if (failure != null) {
      span.setStatus(StatusCode.ERROR, String.valueOf(Forwarder.unwrap(failure)));
    } else {
      span.setAttribute("http.response.status_code", (long) response.statusCode());
      if (response.statusCode() >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
    }
    span.end();
  }
}
