package io.outsidein.gateway.forward;

import io.opentelemetry.api.trace.Span;
import io.outsidein.gateway.auth.CallContext;
import io.outsidein.gateway.config.ServicesConfig;
import io.outsidein.kit.problem.Problems;
import io.outsidein.kit.requestid.RequestId;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards a public request to the service that owns it over Vert.x's pooled, non-blocking HTTP
 * client: the call is made and answered on the request's own event loop, with no thread hand-off.
 * Only a known set of headers crosses in either direction, so no internal host, port or header
 * leaks out.
 *
 * <p>Each event loop has its own client and so its own connections. A pool shared by the loops
 * lends a connection opened by one loop to a request on another, and every write and answer then
 * crosses threads (a queued task and an eventfd wake-up each way): the profile of a forwarded GET
 * found 5% of the gateway's CPU in those wake-ups alone (bench/README.md).
 */
@ApplicationScoped
public class Forwarder {
  public static final String PUBLIC_PREFIX = "/api/v1";
  private static final Logger LOG = Logger.getLogger(Forwarder.class);
  private static final List<String> REQUEST_HEADERS =
      List.of("Content-Type", "Accept", "If-Match", "If-None-Match", "Idempotency-Key");
  private static final List<String> RESPONSE_HEADERS = List.of("ETag", "Retry-After");

  private final Vertx vertx;
  private final Map<Thread, HttpClient> clientOfLoop = new ConcurrentHashMap<>();
  // For a caller that is not on an event loop (none today): connections of Vert.x's choosing.
  private final HttpClient shared;
  private final ServicesConfig config;
  private final CallContext call;
  private final UpstreamTracing tracing;

  Forwarder(Vertx vertx, ServicesConfig config, CallContext call, UpstreamTracing tracing) {
    this.config = config;
    this.call = call;
    this.tracing = tracing;
    this.vertx = vertx;
    this.shared = newClient();
  }

  private HttpClient newClient() {
    return vertx.createHttpClient(
        new HttpClientOptions()
            .setKeepAlive(true)
            .setTcpNoDelay(true)
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            // A pooled connection left idle for 30 s is closed rather than kept forever.
            .setKeepAliveTimeout(30)
            // UpstreamTracing makes the call's span; Vert.x's own would be a second one.
            .setTracingPolicy(TracingPolicy.IGNORE),
        new PoolOptions().setHttp1MaxSize(config.connectionsPerService()));
  }

  /** The calling event loop's own client: its connections are opened, used and read on it. */
  private HttpClient client() {
    return Context.isOnEventLoopThread()
        ? clientOfLoop.computeIfAbsent(Thread.currentThread(), loop -> newClient())
        : shared;
  }

  @PreDestroy
  void close() {
    clientOfLoop.values().forEach(HttpClient::close);
    shared.close();
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
    MultiMap sent = MultiMap.caseInsensitiveMultiMap();
    for (String name : REQUEST_HEADERS) {
      String value = headers == null ? null : headers.getHeaderString(name);
      if (value != null) {
        sent.add(name, value);
      }
    }
    return send(method, upstream, internalPath, outbound, sent, body, config.timeout())
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
  public CompletionStage<UpstreamAnswer> get(
      Upstream upstream, String internalPath, Outbound outbound, Duration timeout) {
    MultiMap sent = MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json");
    return send("GET", upstream, internalPath, outbound, sent, null, timeout);
  }

  /** Sends under a client span that ends when the service answers or fails. */
  private CompletionStage<UpstreamAnswer> send(
      String method,
      Upstream upstream,
      String internalPath,
      Outbound outbound,
      MultiMap headers,
      byte[] body,
      Duration timeout) {
    if (outbound.requestId() != null) {
      headers.set(RequestId.HEADER, outbound.requestId());
    }
    if (outbound.actor() != null) {
      headers.set(Outbound.ACTOR_HEADER, outbound.actor());
    }
    String path = pathOf(internalPath);
    Span span = tracing.start(method, upstream, path, outbound, headers);
    String base = upstream.baseUrl(config).toString().replaceFirst("/$", "");
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(method))
            .setAbsoluteURI(base + internalPath)
            .setHeaders(headers)
            .setTimeout(timeout.toMillis());
    return client()
        .request(options)
        .compose(
            request ->
                body == null || body.length == 0
                    ? request.send()
                    : request.send(Buffer.buffer(body)))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        content ->
                            new UpstreamAnswer(
                                response.statusCode(),
                                response.headers(),
                                content.getBytes(),
                                path)))
        .toCompletionStage()
        .whenComplete((answer, failure) -> tracing.end(span, answer, failure));
  }

  private static String pathOf(String internalPath) {
    int query = internalPath.indexOf('?');
    return query < 0 ? internalPath : internalPath.substring(0, query);
  }

  private Response toPublic(UpstreamAnswer response, Outbound outbound) {
    int status = response.statusCode();
    if (status == 503) {
      LOG.warnf("upstream %s answered 503", response.path());
      return withRetryAfter(PublicProblems.serviceUnavailable(), response);
    }
    if (status >= 500) {
      LOG.warnf("upstream %s answered %d", response.path(), status);
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
          .type(response.header("Content-Type").orElse("application/json"));
    }
    for (String name : RESPONSE_HEADERS) {
      response.header(name).ifPresent(v -> builder.header(name, v));
    }
    response
        .header("Location")
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

  private static Response withRetryAfter(Response problem, UpstreamAnswer response) {
    return response
        .header("Retry-After")
        .map(v -> Response.fromResponse(problem).header("Retry-After", v).build())
        .orElse(problem);
  }

  private Response unavailable(Upstream upstream, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof TimeoutException) {
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
