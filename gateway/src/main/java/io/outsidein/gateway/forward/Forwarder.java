package io.outsidein.gateway.forward;

import io.opentelemetry.api.trace.Span;
import io.outsidein.gateway.auth.CallContext;
import io.outsidein.gateway.config.ServicesConfig;
import io.outsidein.kit.problem.Problems;
import io.outsidein.kit.requestid.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Forwards a public request to the service that owns it over a pooled HTTP client. Only a known set
 * of headers crosses in either direction, so no internal host, port or header leaks out.
 */
@ApplicationScoped
public class Forwarder {
  public static final String PUBLIC_PREFIX = "/api/v1";
  private static final Logger LOG = Logger.getLogger(Forwarder.class);
  private static final List<String> REQUEST_HEADERS =
      List.of("Content-Type", "Accept", "If-Match", "If-None-Match", "Idempotency-Key");
  private static final List<String> RESPONSE_HEADERS = List.of("ETag", "Retry-After");

  private final HttpClient client;
  private final ServicesConfig config;
  private final CallContext call;
  private final UpstreamTracing tracing;

  Forwarder(ServicesConfig config, CallContext call, UpstreamTracing tracing) {
    this.config = config;
    this.call = call;
    this.tracing = tracing;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .build();
  }

  /**
   * Sends {@code method internalPath} to the service with the caller's body and safe headers, and
   * turns the answer into the public one.
   *
   * @param internalPath the service's path and query, for example {@code /customers?limit=5}
   */
  public CompletionStage<Response> forward(
      Upstream upstream, String method, String internalPath, byte[] body, HttpHeaders headers) {
    Outbound outbound = Outbound.of(call);
    HttpRequest.Builder request =
        request(upstream, internalPath, outbound, config.timeout())
            .method(
                method,
                body == null || body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String name : REQUEST_HEADERS) {
      String value = headers == null ? null : headers.getHeaderString(name);
      if (value != null) {
        request.header(name, value);
      }
    }
    return send(method, upstream, internalPath, outbound, request)
        .handle(
            (response, failure) ->
                withRequestId(
                    outbound,
                    () ->
                        failure == null
                            ? toPublic(response, outbound)
                            : unavailable(upstream, failure)));
  }

  /** A GET for the gateway's own use (composition): the raw answer, failures as exceptions. */
  public CompletionStage<HttpResponse<byte[]>> get(
      Upstream upstream, String internalPath, Outbound outbound, Duration timeout) {
    HttpRequest.Builder request =
        request(upstream, internalPath, outbound, timeout)
            .header("Accept", "application/json")
            .GET();
    return send("GET", upstream, internalPath, outbound, request);
  }

  /** Sends under a client span that ends when the service answers or fails. */
  private CompletableFuture<HttpResponse<byte[]>> send(
      String method,
      Upstream upstream,
      String internalPath,
      Outbound outbound,
      HttpRequest.Builder request) {
    Span span = tracing.start(method, upstream, internalPath, outbound, request);
    return client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .whenComplete((response, failure) -> tracing.end(span, response, failure));
  }

  private HttpRequest.Builder request(
      Upstream upstream, String internalPath, Outbound outbound, Duration timeout) {
    String base = upstream.baseUrl(config).toString().replaceFirst("/$", "");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + internalPath)).timeout(timeout);
    if (outbound.requestId() != null) {
      request.header(RequestId.HEADER, outbound.requestId());
    }
    if (outbound.actor() != null) {
      request.header(Outbound.ACTOR_HEADER, outbound.actor());
    }
    return request;
  }

  private Response toPublic(HttpResponse<byte[]> response, Outbound outbound) {
    int status = response.statusCode();
    if (status == 503) {
      LOG.warnf("upstream %s answered 503", response.uri().getPath());
      return withRetryAfter(PublicProblems.serviceUnavailable(), response);
    }
    if (status >= 500) {
      LOG.warnf("upstream %s answered %d", response.uri().getPath(), status);
      return Problems.response(
          502,
          "bad-gateway",
          "Bad gateway",
          "an internal service failed to answer this request",
          null);
    }
    Response.ResponseBuilder builder =
        status >= 400
            ? Response.fromResponse(
                PublicProblems.passThrough(status, response.body(), outbound.publicPath()))
            : Response.status(status);
    if (status < 400 && response.body().length > 0) {
      builder
          .entity(response.body())
          .type(response.headers().firstValue("Content-Type").orElse("application/json"));
    }
    for (String name : RESPONSE_HEADERS) {
      response.headers().firstValue(name).ifPresent(v -> builder.header(name, v));
    }
    response
        .headers()
        .firstValue("Location")
        .map(Forwarder::publicLocation)
        .ifPresent(location -> builder.header("Location", location));
    return builder.build();
  }

  /** A service's Location, with its host and port dropped and the public prefix put in front. */
  static String publicLocation(String internal) {
    URI uri = URI.create(internal);
    String query = uri.getRawQuery();
    return PUBLIC_PREFIX + uri.getRawPath() + (query == null ? "" : "?" + query);
  }

  private static Response withRetryAfter(Response problem, HttpResponse<byte[]> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(v -> Response.fromResponse(problem).header("Retry-After", v).build())
        .orElse(problem);
  }

  private Response unavailable(Upstream upstream, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof HttpTimeoutException) {
      LOG.warnf("%s timed out", upstream);
      return Problems.response(
          504,
          "gateway-timeout",
          "Gateway timeout",
          "an internal service did not answer in time",
          null);
    }
    LOG.warnf(
        "%s unreachable: %s",
        upstream, cause instanceof ConnectException ? "connection refused" : cause.toString());
    return PublicProblems.serviceUnavailable();
  }

  public static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** Callbacks run on the client's threads: give their log lines the request id too. */
  private static <T> T withRequestId(Outbound outbound, java.util.function.Supplier<T> work) {
    String previous = RequestId.current();
    RequestId.set(outbound.requestId());
    try {
      return work.get();
    } finally {
      RequestId.set(previous);
    }
  }
}
