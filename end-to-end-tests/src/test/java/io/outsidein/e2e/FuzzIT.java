package io.outsidein.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outsidein.launcher.Suite;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input of every kind, for every operation the published document lists: the suite refuses it
 * with a problem, never a 5xx, never a stack trace, a class name, SQL or an internal address. The
 * inputs are derived from the document (its parameters, its request schemas and their examples), so
 * a new operation is fuzzed without a line here. Bounded: a few dozen requests per operation.
 */
@ExtendWith(SharedSuite.class)
class FuzzIT {
  private static final String ADMIN = "local-admin-key";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Operations whose valid call would disturb the shared suite: only their inputs are fuzzed. */
  private static final Set<String> NO_VALID_CALL = Set.of("eraseCustomer", "startInsightRebuild");

  private static final List<String> BAD_IDS =
      List.of(
          "not-an-id",
          "6f1c2d4e-8a0b-4c5d-9e7f-10203040506",
          "6f1c2d4e-8a0b-4c5d-9e7f-1020304050600",
          "%00",
          "%27%20OR%201%3D1--",
          "..%2F..%2Fetc%2Fpasswd",
          "%C3%A9t%C3%A9",
          "x".repeat(3000));
  private static final String RAW = "raw:";
  private static final String LONE_SURROGATE = "\"\\ud800\"";
  private static final List<String> BAD_QUERY_VALUES =
      List.of(
          "",
          "abc",
          "-1",
          "99999999999999999999",
          "1.5",
          "a\u0000b",
          "\u0007\u001b[31m",
          "x".repeat(5000),
          "-999999999-01-01T00:00:00Z",
          "+999999999-12-31T23:59:59Z",
          "1899-12-31T23:59:59Z",
          "2026-13-45T25:61:61Z",
          "not-a-cursor!!",
          "null",
          // Sent as written: an encoded lone surrogate and bytes that are not UTF-8.
          RAW + "%ED%A0%80",
          RAW + "%FF%FE");
  private static final Pattern LEAK =
      Pattern.compile(
          "(?i)(exception|\\bat [a-z]+\\.[a-z]|\\.java:\\d|io\\.outsidein|org\\.hibernate|"
              + "org\\.postgresql|jakarta\\.|com\\.fasterxml|sqlstate|select .* from|insert into|"
              + "jdbc:|localhost:|127\\.0\\.0\\.1|:808[1-3]|customer-service|interaction-service|"
              + "insight-service)");

  private static Suite suite;
  private static OpenAPI document;
  private static HttpClient http;
  private static String customerId;

  @BeforeAll
  static void readTheDocument(Suite shared) throws Exception {
    suite = shared;
    ParseOptions resolve = new ParseOptions();
    resolve.setResolve(true);
    resolve.setResolveFully(true);
    document = new OpenAPIV3Parser().read(suite.gatewayUrl() + "/q/openapi", null, resolve);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> registered =
        send(
            "POST",
            "/customers",
            "application/json",
            "{\"displayName\":\"Fuzz\",\"email\":\"fuzz-" + UUID.randomUUID() + "@example.com\"}");
    assertThat(registered.statusCode()).isEqualTo(201);
    customerId = JSON.readTree(registered.body()).path("id").asText();
  }

  @Test
  void everyOperationRefusesBadInputWithAProblemAndNothingElse() throws Exception {
    List<String> failures = new ArrayList<>();
    int sent = 0;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    for (var path : document.getPaths().entrySet()) {
      for (var entry : path.getValue().readOperationsMap().entrySet()) {
        String method = entry.getKey().name();
        Operation operation = entry.getValue();
        for (Attempt attempt :
            attempts(path.getKey(), method, operation, path.getValue().getParameters())) {
          assertThat(Instant.now()).as("the fuzz run's time bound").isBefore(deadline);
          HttpResponse<String> answer =
              send(method, attempt.path, attempt.contentType, attempt.body);
          sent++;
          String verdict = judge(answer);
          if (verdict != null) {
            failures.add(
                operation.getOperationId()
                    + " "
                    + attempt.what
                    + " -> "
                    + answer.statusCode()
                    + ": "
                    + verdict
                    + " "
                    + abbreviate(answer.body()));
          }
        }
      }
    }
    assertThat(sent).as("requests sent").isGreaterThan(500);
    assertThat(failures).as("answers that broke a rule, of " + sent).isEmpty();
  }

  /** Null when the answer keeps every rule, else what it broke. */
  private static String judge(HttpResponse<String> answer) {
    int status = answer.statusCode();
    if (status >= 500) {
      return "a 5xx for bad input";
    }
    if (answer.headers().firstValue("X-Request-Id").isEmpty()) {
      return "no X-Request-Id";
    }
    if (LEAK.matcher(answer.body()).find()) {
      return "an internal detail in the body";
    }
    if (status >= 400) {
      String type = answer.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("application/problem+json")) {
        return "a " + status + " that is not problem+json (" + type + ")";
      }
      try {
        if (JSON.readTree(answer.body()).path("status").asInt() != status) {
          return "a problem whose status is not the HTTP status";
        }
      } catch (IOException e) {
        return "a problem that is not JSON";
      }
    }
    return null;
  }

  private record Attempt(String what, String path, String contentType, String body) {}

  private static List<Attempt> attempts(
      String template, String method, Operation operation, List<Parameter> shared)
      throws IOException {
    List<Parameter> parameters = new ArrayList<>();
    if (shared != null) {
      parameters.addAll(shared);
    }
    if (operation.getParameters() != null) {
      parameters.addAll(operation.getParameters());
    }
    String valid = template.replace("{id}", customerId);
    List<Attempt> attempts = new ArrayList<>();
    if (template.contains("{id}")) {
      for (String id : BAD_IDS) {
        attempts.add(new Attempt("id " + abbreviate(id), template.replace("{id}", id), null, null));
      }
    }
    if (NO_VALID_CALL.contains(operation.getOperationId())) {
      return attempts;
    }
    for (Parameter parameter : parameters) {
      if (!"query".equals(parameter.getIn())) {
        continue;
      }
      for (String value : BAD_QUERY_VALUES) {
        String encoded =
            value.startsWith(RAW)
                ? value.substring(RAW.length())
                : URLEncoder.encode(value, StandardCharsets.UTF_8);
        attempts.add(
            new Attempt(
                parameter.getName() + "=" + abbreviate(value),
                valid + "?" + parameter.getName() + "=" + encoded,
                null,
                null));
      }
      attempts.add(
          new Attempt(
              parameter.getName() + " twice",
              valid + "?" + parameter.getName() + "=a&" + parameter.getName() + "=b",
              null,
              null));
    }
    if (operation.getRequestBody() != null) {
      var content = operation.getRequestBody().getContent();
      String mediaType = content.keySet().iterator().next();
      MediaType media = content.get(mediaType);
      JsonNode example = example(media);
      for (var body : bodies(example, media.getSchema()).entrySet()) {
        attempts.add(new Attempt("body " + body.getKey(), valid, mediaType, body.getValue()));
      }
      attempts.add(new Attempt("text/plain body", valid, "text/plain", example.toString()));
      attempts.add(new Attempt("xml body", valid, "application/xml", "<a>1</a>"));
      attempts.add(new Attempt("no content type", valid, null, example.toString()));
      attempts.add(
          new Attempt(
              "3 MB body", valid, mediaType, "{\"pad\":\"" + "x".repeat(3_000_000) + "\"}"));
    }
    return attempts;
  }

  private static JsonNode example(MediaType media) throws IOException {
    if (media.getExamples() != null && !media.getExamples().isEmpty()) {
      Example first = media.getExamples().values().iterator().next();
      return JSON.valueToTree(first.getValue());
    }
    return NODES.objectNode();
  }

  /** Malformed documents, and the example with one member made wrong in each way. */
  private static Map<String, String> bodies(JsonNode example, Schema<?> schema) {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("empty", "");
    bodies.put(
        "truncated", example.toString().substring(0, Math.max(1, example.toString().length() / 2)));
    bodies.put("array", "[]");
    bodies.put("null", "null");
    bodies.put("string", "\"x\"");
    bodies.put("trailing garbage", example + "}}");
    bodies.put("unknown member", with(example, "unexpectedMember", NODES.textNode("x")).toString());
    if (example.isObject() && example.size() > 0) {
      String first = example.fieldNames().next();
      String text = example.toString();
      bodies.put(
          "duplicate " + first,
          "{\"" + first + "\":" + example.get(first) + "," + text.substring(1));
    }
    if (schema != null && schema.getProperties() != null) {
      for (var property : schema.getProperties().entrySet()) {
        String name = property.getKey();
        for (var bad : badValues(property.getValue()).entrySet()) {
          bodies.put(name + " " + bad.getKey(), with(example, name, bad.getValue()).toString());
        }
        // Jackson would write the char itself; the wire needs the JSON escape of a lone surrogate.
        bodies.put(
            name + " lone surrogate",
            with(example, name, NODES.textNode("SURROGATE"))
                .toString()
                .replace("\"SURROGATE\"", LONE_SURROGATE));
        if (schema.getRequired() != null
            && schema.getRequired().contains(name)
            && example.has(name)) {
          ObjectNode without = ((ObjectNode) example).deepCopy();
          without.remove(name);
          bodies.put("without " + name, without.toString());
        }
      }
    }
    return bodies;
  }

  private static Map<String, JsonNode> badValues(Schema<?> property) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    values.put("null", NODES.nullNode());
    values.put("number", NODES.numberNode(7));
    values.put("boolean", NODES.booleanNode(true));
    values.put("string", NODES.textNode("seven"));
    values.put("array", NODES.arrayNode().add(1));
    values.put("object", NODES.objectNode().put("a", 1));
    values.put("empty", NODES.textNode(""));
    values.put("long", NODES.textNode("x".repeat(100_000)));
    values.put("NUL", NODES.textNode("a\u0000b"));
    values.put("controls", NODES.textNode("\u0001\u0008\u001f"));
    values.put("huge", NODES.numberNode(new java.math.BigDecimal("1e400")));
    values.put("negative", NODES.numberNode(-1_000_000_000_000L));
    values.put("ancient", NODES.textNode("-999999999-01-01T00:00:00Z"));
    values.put("far future", NODES.textNode("+999999999-12-31T23:59:59Z"));
    values.put("bad id", NODES.textNode("6f1c2d4e-8a0b-4c5d-9e7f"));
    if (property.getProperties() != null) {
      ArrayNode nested = NODES.arrayNode();
      values.put("nested array", nested.add(NODES.objectNode()));
    }
    return values;
  }

  private static JsonNode with(JsonNode example, String name, JsonNode value) {
    ObjectNode copy = example.isObject() ? ((ObjectNode) example).deepCopy() : NODES.objectNode();
    copy.set(name, value);
    return copy;
  }

  private static HttpResponse<String> send(
      String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1" + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + ADMIN)
            .header("If-Match", "\"1\"");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("[\\r\\n]+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "...";
  }
}
