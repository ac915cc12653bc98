package io.outsidein.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The document a running gateway publishes, as tests hold answers against it: every answer that
 * passes {@link #validation()} fits the document (declared status, declared headers' types, the
 * body's schema with no undeclared member), and {@link #seen()} records which operation answered
 * which status, to check that a test reached every status it should.
 */
final class PublishedContract {
  private final String documentUrl;
  private final OpenApiInteractionValidator validator;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  PublishedContract(String gatewayUrl) {
    this.documentUrl = gatewayUrl + "/q/openapi";
    this.validator =
        OpenApiInteractionValidator.createForSpecificationUrl(documentUrl)
            .withLevelResolver(
                LevelResolver.create()
                    // Requests are ours to get wrong: the tests send bad input on purpose.
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .withLevel("validation.response", ValidationReport.Level.ERROR)
                    .build())
            .build();
  }

  OpenApiInteractionValidator validator() {
    return validator;
  }

  /** Fails the request when its answer does not fit the published document. */
  Filter validation() {
    return new OpenApiValidationFilter(validator);
  }

  /** Records {@code METHOD /path/{template} STATUS} of every answer. */
  Filter seen() {
    return new Filter() {
      @Override
      public Response filter(
          FilterableRequestSpecification request,
          FilterableResponseSpecification response,
          FilterContext context) {
        Response answer = context.next(request, response);
        String path = request.getUserDefinedPath();
        seen.add(key(request.getMethod(), path, answer.statusCode()));
        return answer;
      }
    };
  }

  /** Records an answer a test received without REST Assured, by its path template. */
  void saw(String method, String pathTemplate, int status) {
    seen.add(key(method, pathTemplate, status));
  }

  Set<String> seenStatuses() {
    return new TreeSet<>(seen);
  }

  /** Every {@code METHOD /path STATUS} the document declares, by operation id. */
  Map<String, Set<String>> declared() {
    OpenAPI document = new OpenAPIV3Parser().read(documentUrl);
    Map<String, Set<String>> declared = new java.util.TreeMap<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            declared.put(
                                operation.getOperationId(),
                                statuses(method.name(), path, operation))));
    return declared;
  }

  static Set<String> roles(Operation operation) {
    @SuppressWarnings("unchecked")
    var roles = (java.util.List<String>) operation.getExtensions().get("x-roles");
    return new TreeSet<>(roles);
  }

  private static Set<String> statuses(String method, String path, Operation operation) {
    Set<String> statuses = new TreeSet<>();
    operation
        .getResponses()
        .keySet()
        .forEach(status -> statuses.add(key(method, path, Integer.parseInt(status))));
    return statuses;
  }

  static String key(String method, String path, int status) {
    return method.toUpperCase(Locale.ROOT) + " " + path + " " + status;
  }
}
