package io.outsidein.kit.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bean Validation failures: 400 with one {field, message} per violation. */
public class ValidationProblemMapper {

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
  public Response map(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return Problems.invalid(errors, uri);
  }

  /** The path a caller knows: the body's field path or the parameter name, never the method. */
  public static String field(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        String name = node.getName();
        if (node.getIndex() != null && !names.isEmpty()) {
          int last = names.size() - 1;
          names.set(last, names.get(last) + "[" + node.getIndex() + "]");
        } else if (node.getKey() != null && !names.isEmpty()) {
          int last = names.size() - 1;
          names.set(last, names.get(last) + "." + node.getKey());
        }
        if (name != null && !name.startsWith("<")) {
          names.add(name);
        }
      }
    }
    if (!names.isEmpty()) {
      return String.join(".", names);
    }
    return parameter == null ? "request" : parameter;
  }
}
