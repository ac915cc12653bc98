package io.outsidein.customer.rest;

import io.outsidein.kit.problem.Problem;
import io.outsidein.kit.problem.ProblemException;
import java.util.List;
import java.util.Map;

/** A 400 validation problem for one query parameter or header, shaped like Bean Validation's. */
final class InvalidParameter {
  private InvalidParameter() {}

  static ProblemException of(String field, String message) {
    return new ProblemException(
        400,
        "validation",
        "Invalid request",
        field + ": " + message,
        Map.of("errors", List.of(new Problem.FieldError(field, message))));
  }
}
