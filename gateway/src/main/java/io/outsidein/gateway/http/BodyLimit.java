package io.outsidein.gateway.http;

import io.outsidein.gateway.config.GatewayConfig;
import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.requestid.RequestId;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Request bodies above the limit answer 413 as a problem: announced ones (Content-Length) before
 * anything is read or forwarded, and streamed ones when Vert.x stops reading them.
 */
@ApplicationScoped
public class BodyLimit {
  private static final int BEFORE_QUARKUS_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

  void install(@Observes Router router, GatewayConfig config) {
    long limit = config.maxBodySize().asLongValue();
    // A body of unannounced length is buffered here, so that its overflow fails the route and
    // reaches the failure handler below (the REST layer would answer a bare 413 itself).
    BodyHandler streamed = BodyHandler.create(false).setBodyLimit(limit);
    router
        .route()
        .order(BEFORE_QUARKUS_LIMIT)
        .handler(
            context -> {
              long length = announcedLength(context);
              if (length > limit) {
                tooLarge(context, limit);
              } else if (length < 0 && streamsABody(context)) {
                streamed.handle(context);
              } else {
                context.next();
              }
            });
    router
        .route()
        .order(BEFORE_QUARKUS_LIMIT)
        .failureHandler(
            context -> {
              if (context.statusCode() == 413 && !context.response().headWritten()) {
                tooLarge(context, limit);
              } else {
                context.next();
              }
            });
  }

  /** HTTP/1.1 says so with Transfer-Encoding; HTTP/2 simply sends data frames. */
  private static boolean streamsABody(RoutingContext context) {
    return context.request().headers().contains("Transfer-Encoding")
        || (context.request().version() == HttpVersion.HTTP_2
            && context.request().method() != HttpMethod.GET
            && context.request().method() != HttpMethod.HEAD);
  }

  private static long announcedLength(RoutingContext context) {
    String length = context.request().getHeader("Content-Length");
    try {
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void tooLarge(RoutingContext context, long limit) {
    JsonObject problem =
        new JsonObject()
            .put("type", Problem.TYPE_BASE + "payload-too-large")
            .put("title", "Payload too large")
            .put("status", 413)
            .put("detail", "the request body is larger than " + limit + " bytes")
            .put("instance", context.request().path());
    context
        .response()
        .setStatusCode(413)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader(
            RequestId.HEADER,
            RequestId.acceptOrGenerate(context.request().getHeader(RequestId.HEADER)))
        // The unread body would otherwise be taken for the next request on this connection.
        .putHeader("Connection", "close")
        .end(problem.encode());
  }
}
