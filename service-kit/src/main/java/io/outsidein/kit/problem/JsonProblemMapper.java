package io.outsidein.kit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.outsidein.kit.json.RefusedValueException;
import io.outsidein.kit.validation.Storable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bodies that are not the JSON we expect: 400 naming the field, never the parser's internals. */
public class JsonProblemMapper {
  private static final Pattern DUPLICATE =
      Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

  /** Declared apart because Quarkus has its own, terser mapper for this subtype. */
  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
  public Response map(MismatchedInputException e, UriInfo uri) {
    return problem(e, uri);
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
  public Response map(JsonProcessingException e, UriInfo uri) {
    return problem(e, uri);
  }

  static Response problem(JsonProcessingException e, UriInfo uri) {
    Optional<Problem.FieldError> duplicate = duplicateKey(e);
    if (duplicate.isPresent()) {
      return Problems.invalid(List.of(duplicate.get()), uri);
    }
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return Problems.response(
          400, "malformed-json", "Malformed JSON", "the request body is not valid JSON", uri);
    }
    return Problems.invalid(List.of(fieldError(mapping)), uri);
  }

  /**
   * The field a mapping failure is about and what is wrong with it; also used where a body is read
   * item by item (batches), so that an item's problem reads like a single request's.
   */
  public static Problem.FieldError fieldError(JsonMappingException e) {
    Optional<Problem.FieldError> duplicate = duplicateKey(e);
    if (duplicate.isPresent()) {
      return duplicate.get();
    }
    return new Problem.FieldError(path(e), message(e));
  }

  /**
   * A key given twice (refused by STRICT_DUPLICATE_DETECTION), named with its path: the parser
   * reports it as a syntax error, but the caller needs to know which key.
   */
  public static Optional<Problem.FieldError> duplicateKey(JsonProcessingException e) {
    if (e.getOriginalMessage() == null) {
      return Optional.empty();
    }
    Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
    if (!duplicate.matches()) {
      return Optional.empty();
    }
    String parent = "";
    if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
      parent = parentPath(parser.getParsingContext().getParent());
    }
    String name = readable(duplicate.group(1));
    return Optional.of(
        new Problem.FieldError(
            parent.isEmpty() ? name : parent + "." + name, "is given more than once"));
  }

  /** The path of the object that holds the duplicate: each enclosing field name or index. */
  private static String parentPath(JsonStreamContext context) {
    java.util.Deque<String> segments = new java.util.ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        segments.push("[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        segments.push(readable(c.getCurrentName()));
      }
    }
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      if (!path.isEmpty() && !segment.startsWith("[")) {
        path.append('.');
      }
      path.append(segment);
    }
    return path.toString();
  }

  /** A key as it can be shown back: characters that cannot be stored are written as escapes. */
  private static String readable(String name) {
    if (Storable.textProblem(name).isEmpty()) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    name.chars()
        .forEach(
            c ->
                out.append(
                    c == 0 || Character.isSurrogate((char) c)
                        ? String.format("\\u%04x", c)
                        : String.valueOf((char) c)));
    return out.toString();
  }

  private static String message(JsonMappingException e) {
    if (e instanceof RefusedValueException refused) {
      return refused.reason();
    }
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
      Class<?> target = invalid.getTargetType();
      if (target.isEnum()) {
        return "must be one of "
            + Arrays.stream(target.getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", "));
      }
      return "must be a valid " + typeName(target);
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "must be a " + typeName(mismatch.getTargetType());
    }
    return "has an invalid value";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(readable(ref.getFieldName()));
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "request" : path.toString();
  }

  private static String typeName(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "object";
    }
    return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
