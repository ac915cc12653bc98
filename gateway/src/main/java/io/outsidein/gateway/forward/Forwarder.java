package io.outsidein.gateway.forward;

import io.opentelemetry.api.trace.Span;
import io.outsidein.gateway.auth.CallContext;
import io.outsidein.gateway.config.ServicesConfig;
import io.outsidein.kit.requestid.RequestId;
import io.vertx.core.Context;
import io.vertx.core.Future;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
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
  // Host, port and path prefix of each service, parsed once rather than from a URL per call.
  private final Map<Upstream, Service> services = new EnumMap<>(Upstream.class);

  private record Service(String host, int port, boolean ssl, String basePath) {
    static Service of(URI url) {
      boolean ssl = "https".equalsIgnoreCase(url.getScheme());
      String path = url.getRawPath() == null ? "" : url.getRawPath().replaceFirst("/$", "");
      return new Service(
          url.getHost(), url.getPort() >= 0 ? url.getPort() : ssl ? 443 : 80, ssl, path);
    }
  }

  private final ServicesConfig config;
  private final CallContext call;
  private final UpstreamTracing tracing;

  Forwarder(Vertx vertx, ServicesConfig config, CallContext call, UpstreamTracing tracing) {
    this.config = config;
    this.call = call;
    this.tracing = tracing;
    this.vertx = vertx;
    this.shared = newClient();
    for (Upstream upstream : Upstream.values()) {
      services.put(upstream, Service.of(upstream.baseUrl(config)));
    }
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
   * turns the answer into the public one (the JAX-RS resources' way in).
   *
   * @param internalPath the service's path and query, for example {@code /customers?limit=5}
   */
  public CompletionStage<Response> forward(
      Upstream upstream, String method, String internalPath, byte[] body, HttpHeaders headers) {
    return answer(
            upstream,
            method,
            internalPath,
            body == null ? null : Buffer.buffer(body),
            headers == null ? name -> null : headers::getHeaderString,
            Outbound.of(call))
        .map(PublicAnswer::toResponse)
        .toCompletionStage();
  }

  /**
   * The public answer to {@code method internalPath} sent to the service with the body as it came
   * and the safe headers the caller sent.
   *
   * @param header the caller's header of a name, several values joined with commas as JAX-RS does
   */
  public Future<PublicAnswer> answer(
      Upstream upstream,
      String method,
      String internalPath,
      Buffer body,
      UnaryOperator<String> header,
      Outbound outbound) {
    MultiMap sent = MultiMap.caseInsensitiveMultiMap();
    for (String name : REQUEST_HEADERS) {
      String value = header.apply(name);
      if (value != null) {
        sent.add(name, value);
      }
    }
    return send(method, upstream, internalPath, outbound, sent, body, config.timeout())
        .transform(
            sentCall ->
                Future.succeededFuture(
                    withRequestId(
                        outbound,
                        () ->
                            sentCall.succeeded()
                                ? toPublic(sentCall.result(), outbound)
                                : unavailable(upstream, sentCall.cause()))));
  }

  /** A GET for the gateway's own use (composition): the raw answer, failures as exceptions. */
  public CompletionStage<UpstreamAnswer> get(
      Upstream upstream, String internalPath, Outbound outbound, Duration timeout) {
    MultiMap sent = MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json");
    return send("GET", upstream, internalPath, outbound, sent, null, timeout).toCompletionStage();
  }

  /** Sends under a client span that ends when the service answers or fails. */
  private Future<UpstreamAnswer> send(
      String method,
      Upstream upstream,
      String internalPath,
      Outbound outbound,
      MultiMap headers,
      Buffer body,
      Duration timeout) {
    if (outbound.requestId() != null) {
      headers.set(RequestId.HEADER, outbound.requestId());
    }
    if (outbound.actor() != null) {
      headers.set(Outbound.ACTOR_HEADER, outbound.actor());
    }
    String path = pathOf(internalPath);
    Span span = tracing.start(method, upstream, path, outbound, headers);
    Service service = services.get(upstream);
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(method))
            .setHost(service.host())
            .setPort(service.port())
            .setSsl(service.ssl())
            .setURI(service.basePath() + internalPath)
            .setHeaders(headers)
            .setTimeout(timeout.toMillis());
    return client()
        .request(options)
        .compose(
            request -> body == null || body.length() == 0 ? request.send() : request.send(body))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        content ->
                            new UpstreamAnswer(
                                response.statusCode(), response.headers(), content, path)))
        .andThen(sent -> tracing.end(span, sent.result(), sent.cause()));
  }

  private static String pathOf(String internalPath) {
    int query = internalPath.indexOf('?');
    return query < 0 ? internalPath : internalPath.substring(0, query);
  }

  private PublicAnswer toPublic(UpstreamAnswer response, Outbound outbound) {
    int status = response.statusCode();
    if (status == 503) {
      LOG.warnf("upstream %s answered 503", response.path());
      return response
          .header("Retry-After")
          .map(v -> PublicProblems.SERVICE_UNAVAILABLE.with("Retry-After", v))
          .orElse(PublicProblems.SERVICE_UNAVAILABLE);
    }
    if (status >= 500) {
      LOG.warnf("upstream %s answered %d", response.path(), status);
      return PublicProblems.BAD_GATEWAY;
    }
    PublicAnswer answer;
    if (status >= 400) {
      answer = PublicProblems.passedThrough(status, response.body(), outbound.publicPath());
    } else if (response.content().length() > 0) {
      answer =
          new PublicAnswer(
              status,
              response.header("Content-Type").orElse("application/json"),
              response.content(),
              List.of());
    } else {
      answer = new PublicAnswer(status, null, null, List.of());
    }
    for (String name : RESPONSE_HEADERS) {
      String value = response.headers().get(name);
      if (value != null) {
        answer = answer.with(name, value);
      }
    }
    String location = response.headers().get("Location");
    return location == null ? answer : answer.with("Location", publicLocation(location));
  }

  /** A service's Location, with its host and port dropped and the public prefix put in front. */
  static String publicLocation(String internal) {
    URI uri = URI.create(internal);
    String query = uri.getRawQuery();
    return PUBLIC_PREFIX + uri.getRawPath() + (query == null ? "" : "?" + query);
  }

  private PublicAnswer unavailable(Upstream upstream, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof TimeoutException) {
      LOG.warnf("%s timed out", upstream);
      return PublicProblems.GATEWAY_TIMEOUT;
    }
    LOG.warnf(
        "%s unreachable: %s",
        upstream, cause instanceof ConnectException ? "connection refused" : cause.toString());
    return PublicProblems.SERVICE_UNAVAILABLE;
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
