package io.outsidein.interaction.service;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.outsidein.kit.problem.JsonProblemMapper;
import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.kit.problem.ValidationProblemMapper;
import jakarta.validation.ConstraintViolation;
import java.net.URI;
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
            .map(v -> new Problem.FieldError(ValidationProblemMapper.field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList());
  }

  public static Problem json(JsonMappingException e) {
    Problem.FieldError error = JsonProblemMapper.fieldError(e);
    return invalid(
        List.of(
            "request".equals(error.field())
                ? new Problem.FieldError("item", error.message())
                : error));
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
}
