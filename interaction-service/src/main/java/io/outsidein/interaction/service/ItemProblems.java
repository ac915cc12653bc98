package io.outsidein.interaction.service;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The problem details of one refused batch item, in the same shape as a single request's. */
public final class ItemProblems {
  static final String INSTANCE = "/interactions/batch";

  private ItemProblems() {}

  public static Problem of(ProblemException e) {
    return new Problem(
        URI.create(Problem.TYPE_BASE + e.slug()),
        e.title(),
        e.status(),
        e.getMessage(),
        INSTANCE,
        List.of(),
        e.extensions());
  }

  public static Problem invalid(List<Problem.FieldError> errors) {
    String detail =
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    return new Problem(
        URI.create(Problem.TYPE_BASE + "validation"),
        "Invalid request",
        400,
        detail,
        INSTANCE,
        errors,
        Map.of());
  }

  public static Problem violations(Set<? extends ConstraintViolation<?>> violations) {
    return invalid(
        violations.stream()
            .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList());
  }

  public static Problem json(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    String field = path.isEmpty() ? "item" : path.toString();
    return invalid(List.of(new Problem.FieldError(field, message(e))));
  }

  public static Problem unexpected() {
    return new Problem(
        URI.create(Problem.TYPE_BASE + "internal"),
        "Internal error",
        500,
        "the item could not be stored; quote the X-Request-Id when reporting it",
        INSTANCE,
        List.of(),
        Map.of());
  }

  private static String message(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field";
    }
    if (e instanceof InvalidFormatException invalid
        && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      return "must be one of "
          + Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "must be a valid " + mismatch.getTargetType().getSimpleName().toLowerCase();
    }
    return "has an invalid value";
  }
}
