package io.outsidein.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bodies that are not the JSON we expect: 400 naming the field, never the parser's internals. */
public class JsonProblemMapper {

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
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return Problems.response(
          400, "malformed-json", "Malformed JSON", "the request body is not valid JSON", uri);
    }
    String field = path(mapping);
    return Problems.invalid(List.of(new Problem.FieldError(field, message(mapping))), uri);
  }

  private static String message(JsonMappingException e) {
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
        path.append(ref.getFieldName());
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
