package io.outsidein.gateway.forward;

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
import java.util.List;
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
  private static final List<String> RESPONSE_HEADERS =
      List.of("Content-Type", "ETag", "Retry-After");

  private final HttpClient client;
  private final ServicesConfig config;

  Forwarder(ServicesConfig config) {
    this.config = config;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .build();
  }

  /**
   * Sends {@code method internalPath} to the service with the caller's body and safe headers.
   *
   * @param internalPath the service's path and query, for example {@code /customers?limit=5}
   */
  public CompletionStage<Response> forward(
      Upstream upstream, String method, String internalPath, byte[] body, HttpHeaders headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(upstream, internalPath))
            .timeout(config.timeout())
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
    String requestId = RequestId.current();
    if (requestId != null) {
      request.header(RequestId.HEADER, requestId);
    }
    return client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, failure) ->
                failure == null ? toPublic(response) : unavailable(upstream, failure));
  }

  private URI resolve(Upstream upstream, String internalPath) {
    String base = upstream.baseUrl(config).toString().replaceFirst("/$", "");
    return URI.create(base + internalPath);
  }

  private Response toPublic(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status >= 500) {
      LOG.warnf("upstream %s answered %d", response.uri().getPath(), status);
      return Problems.response(
          502,
          "bad-gateway",
          "Bad gateway",
          "an internal service failed to answer this request",
          null);
    }
    Response.ResponseBuilder builder = Response.status(status);
    if (response.body().length > 0) {
      builder.entity(response.body());
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
    String path = URI.create(internal).getRawPath();
    return PUBLIC_PREFIX + path;
  }

  private Response unavailable(Upstream upstream, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
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
    return Problems.response(
        503,
        "service-unavailable",
        "Service unavailable",
        "an internal service is unavailable; retry later",
        null);
  }
}
