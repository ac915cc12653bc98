package io.outsidein.gateway.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outsidein.kit.problem.Problem;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service's problem, made fit for the public: {@code instance} becomes the public path, and
 * members or texts that look internal (hosts, ports, URLs, stack traces) are dropped.
 */
final class ProblemSanitizer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> STANDARD =
      Set.of("type", "title", "status", "detail", "instance");
  private static final Set<String> INTERNAL_NAMES =
      Set.of("trace", "stack", "stacktrace", "exception", "cause", "host", "server", "path", "url");
  private static final Pattern INTERNAL =
      Pattern.compile(
          "(?i)(https?://|localhost|\\b\\d{1,3}(\\.\\d{1,3}){3}\\b|:\\d{4,5}\\b|exception|\\.java\\b"
              + "|\\bat [\\w.$]+\\(|-service\\b|\\bsql\\b)");

  private ProblemSanitizer() {}

  /** The public problem body for a service's 4xx answer, whatever that answer contained. */
  static byte[] sanitize(byte[] body, int status, String publicPath) {
    ObjectNode clean = JSON.createObjectNode();
    JsonNode original = parse(body);
    JsonNode type = original.path("type");
    clean.put(
        "type",
        type.isTextual() && type.asText().startsWith(Problem.TYPE_BASE)
            ? type.asText()
            : "about:blank");
    clean.put("title", safeText(original.path("title"), defaultTitle(status)));
    clean.put("status", status);
    String detail = safeText(original.path("detail"), null);
    if (detail != null) {
      clean.put("detail", detail);
    }
    if (publicPath != null) {
      clean.put("instance", publicPath);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String name = member.getKey();
      if (STANDARD.contains(name) || INTERNAL_NAMES.contains(name.toLowerCase())) {
        continue;
      }
      if ("errors".equals(name) && member.getValue().isArray()) {
        clean.set("errors", fieldErrors((ArrayNode) member.getValue()));
      } else if (member.getValue().isValueNode() && !looksInternal(member.getValue().asText())) {
        clean.set(name, member.getValue());
      }
    }
    return write(clean);
  }

  static boolean looksInternal(String text) {
    return text != null && INTERNAL.matcher(text).find();
  }

  private static ArrayNode fieldErrors(ArrayNode errors) {
    ArrayNode clean = JSON.createArrayNode();
    for (JsonNode error : errors) {
      ObjectNode item = JSON.createObjectNode();
      String field = safeText(error.path("field"), null);
      String message = safeText(error.path("message"), null);
      if (field != null) {
        item.put("field", field);
      }
      if (message != null) {
        item.put("message", message);
      }
      if (!item.isEmpty()) {
        clean.add(item);
      }
    }
    return clean;
  }

  private static String safeText(JsonNode node, String fallback) {
    return node.isTextual() && !looksInternal(node.asText()) ? node.asText() : fallback;
  }

  private static String defaultTitle(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 412 -> "Precondition failed";
      case 413 -> "Payload too large";
      case 422 -> "Unprocessable request";
      default -> "Request failed";
    };
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node = body == null || body.length == 0 ? null : JSON.readTree(body);
      return node != null && node.isObject() ? node : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static byte[] write(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a tree of plain JSON always serialises", e);
    }
  }
}
