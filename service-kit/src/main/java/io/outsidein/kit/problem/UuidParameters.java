package io.outsidein.kit.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads id parameters in their canonical form only, and refuses anything else with a 400 problem
 * naming the parameter: by default JAX-RS answers a malformed path id with 404, as if the id were
 * well formed but unknown, and {@link UUID#fromString} accepts shapes such as {@code 1-2-3-4-5}.
 */
@Provider
public class UuidParameters implements ParamConverterProvider {
  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType != UUID.class) {
      return null;
    }
    String name = name(annotations);
    return (ParamConverter<T>)
        new ParamConverter<UUID>() {
          @Override
          public UUID fromString(String value) {
            if (value == null) {
              return null;
            }
            if (!CANONICAL.matcher(value).matches()) {
              throw new WebApplicationException(
                  Problems.invalid(List.of(new Problem.FieldError(name, "must be a UUID")), null));
            }
            return UUID.fromString(value);
          }

          @Override
          public String toString(UUID value) {
            return value.toString();
          }
        };
  }

  private static String name(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof PathParam path) {
        return path.value();
      }
      if (annotation instanceof QueryParam query) {
        return query.value();
      }
    }
    return "id";
  }
}
