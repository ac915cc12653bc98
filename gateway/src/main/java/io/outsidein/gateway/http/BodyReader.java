package io.outsidein.gateway.http;

import io.outsidein.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads every request body before routing, so that what goes wrong with it is a problem: a body
 * announced (Content-Length) or streamed above the limit answers 413, one not received in time
 * answers 408. {@link RequiredBody} then refuses an empty one where the operation needs it.
 */
@ApplicationScoped
public class BodyReader {
  private static final int BEFORE_QUARKUS_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;
  private static final String TIMER = "outsidein.body-timer";

  private final Vertx vertx;
  private final long limit;
  private final long timeoutMillis;

  BodyReader(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.limit = config.http().maxBodySize().asLongValue();
    this.timeoutMillis = config.http().bodyTimeout().toMillis();
  }

  void install(@Observes Router router) {
    BodyHandler reader = BodyHandler.create(false).setBodyLimit(limit);
    router.route().order(BEFORE_QUARKUS_LIMIT).handler(context -> read(context, reader));
    // Reached once the body handler has read the whole body.
    router
        .route()
        .order(BEFORE_QUARKUS_LIMIT + 1)
        .handler(
            context -> {
              Long timer = context.remove(TIMER);
              if (timer != null) {
                vertx.cancelTimer(timer);
              }
              context.next();
            });
    router
        .route()
        .order(BEFORE_QUARKUS_LIMIT)
        .failureHandler(
            context -> {
              boolean reading = context.get(TIMER) != null;
              if (context.failure() instanceof HttpClosedException) {
                // The caller left before its body ended, or this reader closed the connection after
                // its own answer (408, 413): there is nobody to answer.
                cancelTimer(context);
              } else if (context.response().headWritten()) {
                context.next();
              } else if (context.statusCode() == 413) {
                tooLarge(context);
              } else if (reading && context.statusCode() >= 400 && context.statusCode() < 500) {
                // A form body Vert.x could not decode, for one: the REST layer never sees it.
                cancelTimer(context);
                EarlyProblem.answer(
                    context,
                    context.statusCode(),
                    "unreadable-body",
                    "Unreadable request body",
                    "the request body could not be read",
                    true);
              } else {
                context.next();
              }
            });
  }

  private void read(RoutingContext context, BodyHandler reader) {
    HttpServerRequest request = context.request();
    long length = announcedLength(request);
    if (length > limit) {
      tooLarge(context);
    } else if (request.isEnded() || !hasABody(request, length)) {
      // Nothing (more) to read: Vert.x's body handler would wait for an end that already came.
      context.next();
    } else {
      context.put(TIMER, vertx.setTimer(timeoutMillis, id -> tooSlow(context)));
      reader.handle(context);
    }
  }

  /** Whether the request comes with a body to read (announced or streamed). */
  public static boolean carriesABody(HttpServerRequest request) {
    return !request.isEnded() && hasABody(request, announcedLength(request));
  }

  /** Content-Length above 0, Transfer-Encoding, or an HTTP/2 method that carries one. */
  private static boolean hasABody(HttpServerRequest request, long length) {
    return length > 0
        || request.headers().contains("Transfer-Encoding")
        || (request.version() == HttpVersion.HTTP_2
            && request.method() != HttpMethod.GET
            && request.method() != HttpMethod.HEAD);
  }

  private static long announcedLength(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    try {
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void tooLarge(RoutingContext context) {
    cancelTimer(context);
    HttpServerRequest request = context.request();
    boolean http1 = request.version() != HttpVersion.HTTP_2;
    if (http1) {
      context.response().putHeader("Connection", "close");
    }
    EarlyProblem.answer(
        context,
        413,
        "payload-too-large",
        "Payload too large",
        "the request body is larger than " + limit + " bytes",
        false);
    if (http1) {
      closeOnceDrained(request);
    }
  }

  /**
   * The rest of the body is read and dropped before the connection is closed (for at most the body
   * timeout): closing with it unread would reset the connection, and a client still sending could
   * lose the answer. Kept open, the body would be taken for the next request.
   */
  private void closeOnceDrained(HttpServerRequest request) {
    if (request.isEnded()) {
      request.connection().close();
      return;
    }
    long deadline = vertx.setTimer(timeoutMillis, id -> request.connection().close());
    request
        .handler(dropped -> {})
        .endHandler(
            ended -> {
              vertx.cancelTimer(deadline);
              request.connection().close();
            })
        .resume();
  }

  private void tooSlow(RoutingContext context) {
    context.remove(TIMER);
    EarlyProblem.answer(
        context,
        408,
        "request-timeout",
        "Request timeout",
        "the request body was not received within " + timeoutMillis + " ms",
        true);
  }

  private void cancelTimer(RoutingContext context) {
    Long timer = context.remove(TIMER);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }
}
