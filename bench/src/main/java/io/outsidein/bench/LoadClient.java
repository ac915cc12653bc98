package io.outsidein.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The fixed-rate runs' HTTP client: Vert.x on one event loop, keep-alive connections. The load
 * generator shares the 2 cores with the suite it measures, so its own CPU is taken from the suite:
 * the JDK's HttpClient used about 0.6 of a core to send 1,400 POSTs a second (measured from /proc
 * while a run was going), more than the gateway and nearly as much as the service.
 */
final class LoadClient implements AutoCloseable {
  /** A response: its status and body. */
  record Reply(int status, String body) {}

  private final Vertx vertx;
  private final HttpClient http;
  private final Context eventLoop;

  LoadClient(int connections) {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setConnectTimeout(2_000),
            new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    eventLoop = vertx.getOrCreateContext();
  }

  /** Sends {@code call}; {@code done} gets the reply, or the failure, on the event loop. */
  void send(Call call, BiConsumer<Reply, Throwable> done) {
    // Everything happens on the one event loop: requests sent from the caller's thread at high
    // rates sometimes never completed.
    eventLoop.runOnContext(v -> sendHere(call, done));
  }

  private void sendHere(Call call, BiConsumer<Reply, Throwable> done) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(call.method()))
            .setAbsoluteURI(call.uri().toString())
            // Waiting for a pooled connection and waiting for the answer are both bounded, so a
            // run always ends with every request answered or failed.
            .setConnectTimeout(Call.TIMEOUT.toMillis())
            .setIdleTimeout(Call.TIMEOUT.toMillis());
    call.headers().forEach(options::addHeader);
    http.request(options)
        .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
        .compose(
            response ->
                response.body().map(body -> new Reply(response.statusCode(), body.toString())))
        .onComplete(result -> done.accept(result.result(), result.cause()));
  }

  @Override
  public void close() {
    // One after the other from this thread: closing Vert.x from the client's close callback left
    // that callback's own completion with no event loop to run on.
    await(http.close());
    await(vertx.close());
  }

  private static void await(Future<Void> closing) {
    try {
      closing.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the benchmark is ending; a slow close must not hide its report
    }
  }
}
