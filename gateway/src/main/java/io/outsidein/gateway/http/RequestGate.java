package io.outsidein.gateway.http;

import io.outsidein.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * The first route of every request: a request without a host (400), with a target too long (414) or
 * not a valid URI (400), or with headers too large (431) is answered here with a problem. Vert.x's
 * own URI check is off ({@code vertx.disableURIValidation}, see {@code GatewayMain}) because it
 * answers a bare 400; Netty's hard limits sit above these ({@code quarkus.http.limits.*}).
 */
@ApplicationScoped
public class RequestGate {
  private static final String PASSED = "outsidein.request-gate";

  private final int maxUrlLength;
  private final long maxHeaderSize;

  RequestGate(GatewayConfig config) {
    this.maxUrlLength = config.http().maxUrlLength();
    this.maxHeaderSize = config.http().maxHeaderSize().asLongValue();
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
    router.route().order(Integer.MIN_VALUE).failureHandler(RequestGate::refusedByTheRouter);
  }

  private void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    String target = request.uri();
    context.put(PASSED, true);
    if (request.authority() == null) {
      // HTTP/1.0 without Host; the router refuses it for HTTP/1.1 and HTTP/2 (below).
      missingHost(context);
    } else if (target.length() > maxUrlLength) {
      EarlyProblem.answer(
          context,
          414,
          "uri-too-long",
          "URI too long",
          "the request target is longer than " + maxUrlLength + " characters",
          true);
    } else if (headerSize(request) > maxHeaderSize) {
      EarlyProblem.answer(
          context,
          431,
          "header-fields-too-large",
          "Request header fields too large",
          "the request headers are larger than " + maxHeaderSize + " bytes",
          true);
    } else if (!isValidTarget(target)) {
      EarlyProblem.answer(
          context,
          400,
          "invalid-uri",
          "Invalid URI",
          "the request target is not a valid URI: only ASCII, with each % followed by two hex"
              + " digits",
          true);
    } else {
      context.next();
    }
  }

  /**
   * Vert.x Web's router refuses a request before any route runs when HTTP/1.1 comes without a valid
   * Host (or HTTP/2 without :authority), with a 400 that would reach the caller as Quarkus' JSON
   * error; and a target that is not a path (for example absolute-form without one) with 400 or 404.
   */
  private static void refusedByTheRouter(RoutingContext context) {
    if (context.get(PASSED) != null || context.response().headWritten()) {
      context.next();
    } else if (context.statusCode() == 400 && !hasAValidHost(context.request())) {
      missingHost(context);
    } else if (context.statusCode() == 400 || context.statusCode() == 404) {
      EarlyProblem.answer(
          context,
          context.statusCode(),
          context.statusCode() == 400 ? "invalid-uri" : "not-found",
          context.statusCode() == 400 ? "Invalid URI" : "Not Found",
          "the request target must be a path starting with /",
          true);
    } else {
      context.next();
    }
  }

  private static void missingHost(RoutingContext context) {
    EarlyProblem.answer(
        context,
        400,
        "missing-host",
        "Missing Host",
        "the request names no valid host: send a Host header",
        true);
  }

  private static boolean hasAValidHost(HttpServerRequest request) {
    String host = request.authority() == null ? null : request.authority().host();
    return host != null && !host.isBlank() && isValidTarget("//" + request.authority());
  }

  /** Printable ASCII only (non-ASCII must be percent-encoded) and a valid URI otherwise. */
  static boolean isValidTarget(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        return false;
      }
    }
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** As the header lines are sent: {@code name: value} and CRLF each. */
  private static long headerSize(HttpServerRequest request) {
    long size = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      size += header.getKey().length() + header.getValue().length() + 4;
    }
    return size;
  }
}
