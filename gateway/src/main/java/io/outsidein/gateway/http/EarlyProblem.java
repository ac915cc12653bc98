package io.outsidein.gateway.http;

import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.requestid.RequestId;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A problem answered by a Vert.x route before the REST layer runs, so before its request-id filter:
 * the request id is echoed or made here.
 */
final class EarlyProblem {
  private EarlyProblem() {}

  /**
   * Answers the problem; with {@code close}, the connection is closed after it, because what the
   * caller sends next (an unread body, a request line cut anywhere) cannot be trusted as the start
   * of another request.
   */
  static void answer(
      RoutingContext context, int status, String slug, String title, String detail, boolean close) {
    HttpServerRequest request = context.request();
    if (context.response().headWritten() || context.response().ended()) {
      return;
    }
    JsonObject problem =
        new JsonObject()
            .put("type", Problem.TYPE_BASE + slug)
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    String instance = instance(request);
    if (instance != null) {
      problem.put("instance", instance);
    }
    boolean http1 = request.version() != HttpVersion.HTTP_2;
    if (close && http1) {
      context.response().putHeader("Connection", "close");
    }
    context
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader(
            RequestId.HEADER, RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER)))
        .end(problem.encode());
    if (close && http1) {
      // As Vert.x does for the requests it refuses itself: flush the answer, then close.
      context.response().close();
    }
  }

  /** The path when it is a short, valid URI path; otherwise none rather than echo junk. */
  private static String instance(HttpServerRequest request) {
    String path = request.path();
    return path != null && path.length() <= 512 && RequestGate.isValidTarget(path) ? path : null;
  }
}
