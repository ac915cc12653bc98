package io.outsidein.interaction.rest;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * Runs the blocking part of a non-blocking resource method on a worker thread, the way Quarkus runs
 * a blocking method: on the request's own Vert.x context, so that its request id, actor and trace
 * go along, with its CDI request context active, through which JAX-RS resolves a relative Location.
 */
final class OffTheEventLoop {
  private OffTheEventLoop() {}

  static <T> CompletionStage<T> call(Callable<T> blocking) {
    ManagedContext requestContext = Arc.container().requestContext();
    InjectableContext.ContextState request = requestContext.getState();
    return Vertx.currentContext()
        .executeBlocking(
            () -> {
              requestContext.activate(request);
              try {
                return blocking.call();
              } finally {
                requestContext.deactivate();
              }
            },
            false)
        .toCompletionStage();
  }
}
