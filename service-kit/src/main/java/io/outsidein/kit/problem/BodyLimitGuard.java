package io.outsidein.kit.problem;

import io.outsidein.kit.requestid.RequestId;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before
 * any of it is read, instead of the HTTP layer's bare status line.
 */
@ApplicationScoped
public class BodyLimitGuard {
  private final long limit;

  BodyLimitGuard(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
          MemorySize limit) {
    this.limit = limit.asLongValue();
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && tooLarge(length)) {
                Problem problem =
                    new Problem(
                        URI.create(Problem.TYPE_BASE + "payload-too-large"),
                        "Payload too large",
                        413,
                        "the request body is larger than " + limit + " bytes",
                        ctx.request().path(),
                        List.of(),
                        Map.of());
                // This runs before the request-id filter: echo or make the id here.
                String requestId =
                    RequestId.acceptOrGenerate(ctx.request().getHeader(RequestId.HEADER));
                ctx.response()
                    .setStatusCode(413)
                    .putHeader(RequestId.HEADER, requestId)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(io.vertx.core.json.Json.encode(problem));
              } else {
                ctx.next();
              }
            });
  }

  private boolean tooLarge(String contentLength) {
    try {
      return Long.parseLong(contentLength.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
