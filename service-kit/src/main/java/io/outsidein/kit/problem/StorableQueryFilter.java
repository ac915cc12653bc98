package io.outsidein.kit.problem;

import io.outsidein.kit.validation.Storable;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter holding text the database cannot take (NUL, unpaired surrogates) with a
 * 400 naming it, for every endpoint, before any resource reads it.
 */
public class StorableQueryFilter {

  @ServerRequestFilter
  public Response refuseUnstorableParameters(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      String name = parameter.getKey();
      Optional<String> problem =
          Storable.textProblem(name)
              .or(
                  () ->
                      parameter.getValue().stream()
                          .map(Storable::textProblem)
                          .flatMap(Optional::stream)
                          .findFirst());
      if (problem.isPresent()) {
        String field = Storable.textProblem(name).isPresent() ? "query" : name;
        return Problems.invalid(
            List.of(new Problem.FieldError(field, problem.get())), request.getUriInfo());
      }
    }
    return null; // nothing to refuse: the request goes on
  }
}
