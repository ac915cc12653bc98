package io.outsidein.gateway.http;

import io.outsidein.gateway.config.GatewayConfig;
import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.requestid.RequestId;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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
    router
        .route()
        .order(BEFORE_QUARKUS_LIMIT)
        .handler(
            context -> {
              if (announcedLength(context) > limit) {
                tooLarge(context, limit);
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
