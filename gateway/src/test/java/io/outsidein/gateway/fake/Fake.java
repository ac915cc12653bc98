package io.outsidein.gateway.fake;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** The behaviours of the fake services, chosen by well-known ids. */
public final class Fake {
  /** A customer whose every part answers. */
  public static final UUID CUSTOMER = id(1);

  /** A customer whose insight answers after three seconds. */
  public static final UUID SLOW_INSIGHT = id(2);

  /** A customer merged into {@link #CUSTOMER}. */
  public static final UUID MERGED = id(3);

  /** A customer whose insight fails with a 500. */
  public static final UUID FAILING_INSIGHT = id(5);

  /** A customer whose goodwill standing fails with a 500. */
  public static final UUID FAILING_GOODWILL = id(6);

  /** An unknown customer: a 404 problem full of internal details. */
  public static final UUID UNKNOWN = id(404);

  /** customer-service fails with a 500 and a stack trace. */
  public static final UUID FAILING = id(500);

  /** customer-service answers after three seconds. */
  public static final UUID SLOW = id(504);

  /** A customer whose insight is unavailable: a 503 with Retry-After. */
  public static final UUID UNAVAILABLE_INSIGHT = id(503);

  private Fake() {}

  public record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
    static Answer json(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/json"), body, 0);
    }
  }

  public static UUID id(int n) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
  }

  static Answer answer(String method, URI uri, Headers headers, byte[] body, String self) {
    String path = uri.getRawPath();
    if (path.equals("/customers") && method.equals("POST")) {
      return new Answer(
          201,
          Map.of(
              "Content-Type", "application/json",
              "Location", self + "/customers/" + CUSTOMER,
              "ETag", "\"1\"",
              "X-Internal-Node", "customer-service-7f9c"),
          echo(method, uri, headers, body),
          0);
    }
    if (path.equals("/admin/insights/rebuilds") && method.equals("POST")) {
      return new Answer(
          202,
          Map.of(
              "Content-Type",
              "application/json",
              "Location",
              self + "/admin/insights/rebuilds/" + id(42)),
          echo(method, uri, headers, body),
          0);
    }
    if (path.equals("/policies/goodwill")) {
      return new Answer(
          200,
          Map.of(
              "Content-Type", "application/json", "ETag", method.equals("PUT") ? "\"2\"" : "\"1\""),
          echo(method, uri, headers, body),
          0);
    }
    if (path.equals("/customers") || path.equals("/gestures") || path.startsWith("/admin")) {
      return Answer.json(200, echo(method, uri, headers, body));
    }
    if (path.equals("/customers/" + UNAVAILABLE_INSIGHT + "/insights")) {
      return new Answer(503, Map.of("Retry-After", "7"), "", 0);
    }
    if (path.equals("/customers/" + FAILING)) {
      return new Answer(
          500,
          Map.of("Content-Type", "text/plain"),
          "java.lang.IllegalStateException: boom\n\tat io.outsidein.customer.Db.read(Db.java:42)",
          0);
    }
    if (path.equals("/customers/" + SLOW)) {
      return new Answer(200, Map.of("Content-Type", "application/json"), customer(SLOW), 3000);
    }
    if (path.equals("/customers/" + UNKNOWN) || path.equals("/interactions/" + UNKNOWN)) {
      return new Answer(
          404,
          Map.of("Content-Type", "application/problem+json"),
          "{\"type\":\"https://outside-in.io/problems/not-found\",\"title\":\"Not found\","
              + "\"status\":404,\"detail\":\"customer "
              + UNKNOWN
              + " does not exist\",\"instance\":\""
              + self
              + path
              + "\",\"stackTrace\":\"at io.outsidein.Foo(Foo.java:1)\","
              + "\"host\":\"customer-service\",\"upstream\":\"http://10.0.0.7:8081\","
              + "\"existingId\":\"abc\"}",
          0);
    }
    if (path.matches("/customers/[^/]+") && method.equals("DELETE")) {
      return new Answer(204, Map.of(), "", 0);
    }
    if (path.equals("/customers/" + MERGED)) {
      return Answer.json(
          200,
          "{\"id\":\"" + MERGED + "\",\"status\":\"MERGED\",\"mergedInto\":\"" + CUSTOMER + "\"}");
    }
    if (path.matches("/customers/[^/]+") && method.equals("GET")) {
      return new Answer(
          200,
          Map.of("Content-Type", "application/json", "ETag", "\"3\""),
          customer(UUID.fromString(path.substring("/customers/".length()))),
          0);
    }
    if (path.endsWith("/insights")) {
      UUID id = UUID.fromString(path.split("/")[2]);
      if (id.equals(SLOW_INSIGHT)) {
        return new Answer(200, Map.of("Content-Type", "application/json"), "{}", 3000);
      }
      if (id.equals(FAILING_INSIGHT)) {
        return Answer.json(500, "{}");
      }
      if (id.equals(UNKNOWN)) {
        return Answer.json(404, "{}");
      }
      return Answer.json(
          200, "{\"customerId\":\"" + id + "\",\"healthScore\":81,\"churnRisk\":\"LOW\"}");
    }
    if (path.equals("/customers/" + FAILING_GOODWILL + "/goodwill")) {
      return Answer.json(500, "{}");
    }
    if (path.endsWith("/cases")) {
      return Answer.json(
          200, "{\"items\":[{\"id\":\"" + id(77) + "\",\"status\":\"OPEN\"}],\"next\":null}");
    }
    if (path.endsWith("/interactions")) {
      return Answer.json(
          200,
          "{\"items\":[{\"id\":\""
              + id(88)
              + "\",\"channel\":\"PHONE\"}],\"query\":\""
              + uri.getRawQuery()
              + "\"}");
    }
    return Answer.json(200, echo(method, uri, headers, body));
  }

  private static String customer(UUID id) {
    return "{\"id\":\"" + id + "\",\"displayName\":\"Ada\",\"status\":\"ACTIVE\"}";
  }

  /** What the service received, so tests can see what the gateway forwarded. */
  private static String echo(String method, URI uri, Headers headers, byte[] body) {
    return "{\"method\":\""
        + method
        + "\",\"path\":\""
        + uri.getRawPath()
        + "\",\"query\":"
        + quote(uri.getRawQuery())
        + ",\"actor\":"
        + quote(headers.getFirst("X-Actor"))
        + ",\"requestId\":"
        + quote(headers.getFirst("X-Request-Id"))
        + ",\"authorization\":"
        + quote(headers.getFirst("Authorization"))
        + ",\"apiKey\":"
        + quote(headers.getFirst("X-API-Key"))
        + ",\"ifMatch\":"
        + quote(headers.getFirst("If-Match"))
        + ",\"idempotencyKey\":"
        + quote(headers.getFirst("Idempotency-Key"))
        + ",\"contentType\":"
        + quote(headers.getFirst("Content-Type"))
        + ",\"bodyLength\":"
        + body.length
        + ",\"body\":"
        + quote(new String(body, StandardCharsets.UTF_8))
        + "}";
  }

  private static String quote(String value) {
    return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
