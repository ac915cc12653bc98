package io.outsidein.interaction.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for customer-service's {@code GET /customers/{id}} on a free port. Tests tell it
 * what to answer with {@code PUT /customers/{id}} (body "status\njson"), over HTTP, so that no
 * state has to cross Quarkus' class loaders; {@code GET /calls/{id}} counts the lookups of an id.
 */
public class FakeCustomerService implements QuarkusTestResourceLifecycleManager {
  private HttpServer server;
  private final Map<String, String[]> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/customers/", this::customers);
    server.createContext("/calls/", this::calls);
    server.start();
    return Map.of(
        "quarkus.rest-client.customer-service.url",
        "http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void customers(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/customers/".length());
    if ("PUT".equals(exchange.getRequestMethod())) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      answers.put(id, body.split("\n", 2));
      respond(exchange, 204, "");
      return;
    }
    calls.computeIfAbsent(id, i -> new AtomicInteger()).incrementAndGet();
    String[] answer = answers.get(id);
    if (answer == null) {
      respond(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
    } else {
      respond(exchange, Integer.parseInt(answer[0]), answer.length > 1 ? answer[1] : "");
    }
  }

  private void calls(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/calls/".length());
    AtomicInteger count = calls.get(id);
    respond(exchange, 200, String.valueOf(count == null ? 0 : count.get()));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
