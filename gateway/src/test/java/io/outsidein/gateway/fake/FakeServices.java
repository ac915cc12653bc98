package io.outsidein.gateway.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One JDK HTTP server playing all three internal services. What it answers depends on the id in the
 * path (see {@link Fake}), so tests choose a failure kind by the id they ask for.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {
  private HttpServer server;
  private ExecutorService threads;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    threads = Executors.newCachedThreadPool();
    server.setExecutor(threads);
    server.createContext("/", FakeServices::handle);
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return Map.of(
        "outsidein.services.customer.url", url,
        "outsidein.services.interaction.url", url,
        "outsidein.services.insight.url", url,
        "outsidein.services.timeout", "1s");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      byte[] received = body.readAllBytes();
      Fake.Answer answer =
          Fake.answer(
              exchange.getRequestMethod(),
              exchange.getRequestURI(),
              exchange.getRequestHeaders(),
              received,
              "http://127.0.0.1:" + exchange.getLocalAddress().getPort());
      if (answer.delayMillis() > 0) {
        Thread.sleep(answer.delayMillis());
      }
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The gateway gave up on a slow answer and closed the connection: expected in timeout tests.
    }
  }
}
