package io.outsidein.gateway.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the contract ({@code META-INF/openapi.yaml}) with what every operation shares, so it is
 * written once: the gateway's own answers (401, 403, 429, 5xx), the rate-limit and request-id
 * headers on every answer, the security requirement, the roles in each description, and the
 * production server when one is configured ({@code outsidein.gateway.public-url}).
 */
@OpenApiFilter(
    stages = {
      OpenApiFilter.RunStage.BUILD,
      OpenApiFilter.RunStage.RUNTIME_STARTUP
    }) // at build time, and at start-up for the public URL
public class PublicApiFilter implements OASFilter {
  static final String ROLES = "x-roles";
  private static final String PROBLEM_TYPE = "application/problem+json";
  // Sorted, so the published document reads the same from one build to the next.
  private static final Map<String, String> GATEWAY_ANSWERS =
      new TreeMap<>(
          Map.of(
              "400",
              "Invalid request: the problem's errors name each field",
              "401",
              "Missing or unknown API key, or a sign-in token that is not valid (expired, wrongly"
                  + " signed, another issuer or audience, no role of this API); see"
                  + " WWW-Authenticate",
              "403",
              "The caller's role may not do this",
              "414",
              "The target (path and query) is longer than the gateway accepts",
              "429",
              "Rate limit of this API key or person used up; see Retry-After",
              "431",
              "The request's headers are larger than the gateway accepts",
              "500",
              "Unexpected failure; quote the X-Request-Id when reporting it",
              "502",
              "An internal service failed",
              "503",
              "An internal service, or the identity provider that sign-in tokens are checked"
                  + " with, is unavailable; retry later",
              "504",
              "An internal service did not answer in time"));

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    addHeaders(components);
    openAPI.setSecurity(
        List.of(
            OASFactory.createSecurityRequirement().addScheme("signIn"),
            OASFactory.createSecurityRequirement().addScheme("bearer"),
            OASFactory.createSecurityRequirement().addScheme("apiKey")));
    if (components.getResponses() != null) {
      components.getResponses().values().forEach(PublicApiFilter::addHeaders);
    }
    publicUrl()
        .filter(
            url -> openAPI.getServers().stream().noneMatch(server -> url.equals(server.getUrl())))
        .ifPresent(
            url ->
                openAPI.addServer(
                    OASFactory.createServer().url(url).description("The configured public URL")));
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(item -> item.getOperations().values().forEach(PublicApiFilter::complete));
  }

  private static Optional<String> publicUrl() {
    return ConfigProvider.getConfig()
        .getOptionalValue("outsidein.gateway.public-url", String.class)
        .filter(url -> !url.isBlank())
        .map(url -> url.replaceAll("/+$", "") + "/api/v1");
  }

  private static void complete(Operation operation) {
    describeRoles(operation);
    if (operation.getRequestBody() != null && !operation.getResponses().hasAPIResponse("408")) {
      operation
          .getResponses()
          .addAPIResponse(
              "408",
              OASFactory.createAPIResponse()
                  .description("The body did not arrive within the gateway's body timeout"));
    }
    GATEWAY_ANSWERS.forEach(
        (code, description) -> {
          if (!operation.getResponses().hasAPIResponse(code)) {
            operation
                .getResponses()
                .addAPIResponse(code, OASFactory.createAPIResponse().description(description));
          }
        });
    operation
        .getResponses()
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              int status = Integer.parseInt(code);
              if (status >= 400 && response.getRef() == null && response.getContent() == null) {
                response.setContent(problemContent());
              }
              if (response.getRef() == null) {
                addHeaders(status, response);
              }
            });
  }

  /** A shared answer of components/responses: all of them are 4xx problems. */
  private static void addHeaders(APIResponse response) {
    addHeaders(400, response);
  }

  private static void addHeaders(int status, APIResponse response) {
    if (status < 500) {
      header(response, "RateLimit-Limit");
      header(response, "RateLimit-Remaining");
      header(response, "RateLimit-Reset");
    }
    if (status == 429 || status == 503) {
      header(response, "Retry-After");
    }
    header(response, "X-Request-Id");
    header(response, "Access-Control-Allow-Origin");
  }

  /** The roles of {@code x-roles}, also in the words a reader of Swagger UI sees. */
  @SuppressWarnings("unchecked")
  private static void describeRoles(Operation operation) {
    Object roles = operation.getExtensions() == null ? null : operation.getExtensions().get(ROLES);
    if (!(roles instanceof List<?> list)) {
      throw new IllegalStateException(
          "operation " + operation.getOperationId() + " does not state its " + ROLES);
    }
    String sentence =
        "Roles: "
            + ((List<Object>) list).stream().map(String::valueOf).collect(Collectors.joining(", "))
            + ".";
    String description = operation.getDescription();
    if (description != null && description.contains(sentence)) {
      return; // the filter runs at build time and again at start-up
    }
    operation.setDescription(
        description == null || description.isBlank()
            ? sentence
            : description.strip() + "\n\n" + sentence);
  }

  private static void header(APIResponse response, String name) {
    if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
      response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
    }
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            PROBLEM_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
  }

  private static void addHeaders(Components components) {
    Schema count =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.INTEGER)
            .format("int32")
            .minimum(BigDecimal.ZERO)
            .maximum(BigDecimal.valueOf(1_000_000));
    components.addHeader(
        "RateLimit-Limit",
        headerOf("Requests per minute of this API key (token bucket size)", count));
    components.addHeader("RateLimit-Remaining", headerOf("Requests left in the bucket now", count));
    components.addHeader(
        "RateLimit-Reset", headerOf("Seconds until the bucket is full again", count));
    components.addHeader("Retry-After", headerOf("Seconds to wait before retrying", count));
    components.addHeader(
        "X-Request-Id",
        headerOf(
            "The caller's request id, or a new one; quote it when reporting a problem",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .maxLength(128)
                .pattern("^[A-Za-z0-9._:-]{1,128}$")));
    components.addHeader(
        "Access-Control-Allow-Origin",
        headerOf(
            "Sent when CORS is enabled for the calling origin (off by default)",
            OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
  }

  private static Header headerOf(String description, Schema schema) {
    return OASFactory.createHeader().description(description).schema(schema);
  }
}
