package io.outsidein.gateway.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every public operation shares, written once: the security schemes, the problem answers of
 * the gateway itself (401, 403, 429, 5xx), the rate-limit and request-id headers, and bounds on any
 * string, array or number a schema left open. Only {@code /api/v1} paths are published.
 */
public class PublicApiFilter implements OASFilter {
  /**
   * The page size parameter of every paged operation, referenced as {@code @Parameter(name =
   * "limit", in = QUERY, ref = LIMIT)}: without its name and place, SmallRye lays the reference
   * over one of the operation's other parameters.
   */
  public static final String LIMIT = "limit";

  /** The page position parameter of every paged operation, referenced as {@link #LIMIT} is. */
  public static final String CURSOR = "cursor";

  private static final String PROBLEM = "#/components/schemas/Problem";
  private static final String PROBLEM_TYPE = "application/problem+json";
  // Sorted, so the published document reads the same from one build to the next.
  private static final Map<String, String> GATEWAY_ANSWERS =
      new TreeMap<>(
          Map.of(
              "400", "Invalid request: the problem's errors name each field",
              "401", "Missing or unknown API key",
              "403", "The key's role may not do this",
              "429", "Rate limit of this API key used up; see Retry-After",
              "500", "Unexpected failure; quote the X-Request-Id when reporting it",
              "502", "An internal service failed",
              "503", "An internal service is unavailable; retry later",
              "504", "An internal service did not answer in time"));

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    addSecurity(openAPI, components);
    addHeaders(components);
    addPaging(components);
    openAPI.setServers(
        List.of(
            OASFactory.createServer()
                .url("https://api.outside-in.example")
                .description("Production")
                .addExtension("x-internal", false)));
    if (openAPI.getPaths() != null) {
      openAPI.getPaths().getPathItems().keySet().stream()
          .filter(path -> !path.startsWith("/api/v1/"))
          .toList()
          .forEach(openAPI.getPaths()::removePathItem);
      openAPI
          .getPaths()
          .getPathItems()
          .values()
          .forEach(item -> operations(item).forEach(PublicApiFilter::complete));
    }
    if (components.getSchemas() != null) {
      components.getSchemas().values().forEach(PublicApiFilter::bound);
    }
  }

  private static List<Operation> operations(PathItem item) {
    return item.getOperations().values().stream().toList();
  }

  private static void complete(Operation operation) {
    APIResponses responses = operation.getResponses();
    GATEWAY_ANSWERS.forEach(
        (code, description) -> {
          if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
          }
        });
    responses
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              int status = Integer.parseInt(code);
              if (status >= 400
                  && (response.getContent() == null
                      || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
              }
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
              if (response.getContent() != null) {
                response.getContent().getMediaTypes().values().forEach(m -> bound(m.getSchema()));
              }
            });
    if (operation.getParameters() != null) {
      operation.getParameters().forEach(p -> bound(p.getSchema()));
    }
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
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
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
    components.addHeader(
        "Access-Control-Allow-Origin",
        headerOf(
            "Sent when CORS is enabled for the calling origin (off by default)",
            OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
    components.addHeader("Retry-After", headerOf("Seconds to wait before retrying", count));
    components.addHeader(
        "X-Request-Id",
        headerOf(
            "The caller's request id, or a new one; quote it when reporting a problem",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .maxLength(128)
                .pattern("^[A-Za-z0-9._:-]{1,128}$")));
  }

  /** Paging is the same on every list: described once, referenced by each paged operation. */
  private static void addPaging(Components components) {
    components.addParameter(
        LIMIT,
        OASFactory.createParameter()
            .name("limit")
            .in(Parameter.In.QUERY)
            .description("Items per page")
            .schema(
                OASFactory.createSchema()
                    .addType(Schema.SchemaType.INTEGER)
                    .format("int32")
                    .minimum(BigDecimal.ONE)
                    .maximum(BigDecimal.valueOf(200))
                    .defaultValue(50)));
    components.addParameter(
        CURSOR,
        OASFactory.createParameter()
            .name("cursor")
            .in(Parameter.In.QUERY)
            .description("The previous page's next; absent for the first page")
            .schema(
                OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING)
                    .maxLength(200)
                    // Every service's cursor is URL-safe Base64: opaque, but of a known alphabet.
                    .pattern("^[A-Za-z0-9_=-]{1,200}$")));
  }

  private static Header headerOf(String description, Schema schema) {
    return OASFactory.createHeader().description(description).schema(schema);
  }

  private static void addSecurity(OpenAPI openAPI, Components components) {
    components.addSecurityScheme(
        "bearer",
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .description("Authorization: Bearer <API key>"));
    components.addSecurityScheme(
        "apiKey",
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name("X-API-Key")
            .description("The API key in the X-API-Key header"));
    SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme("bearer");
    SecurityRequirement apiKey = OASFactory.createSecurityRequirement().addScheme("apiKey");
    openAPI.setSecurity(List.of(bearer, apiKey));
  }

  /** Puts a bound on whatever a schema left unbounded, recursing into its parts. */
  static void bound(Schema schema) {
    if (schema == null || schema.getRef() != null) {
      return;
    }
    List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
    if (types.contains(Schema.SchemaType.STRING)
        && schema.getMaxLength() == null
        && schema.getEnumeration() == null) {
      schema.setMaxLength(maxLengthOf(schema.getFormat()));
    }
    if (types.contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
      schema.setMaxItems(1000);
    }
    if (types.contains(Schema.SchemaType.INTEGER)) {
      if (schema.getFormat() == null) {
        schema.setFormat("int64");
      }
      if (schema.getMinimum() == null) {
        schema.setMinimum(BigDecimal.ZERO);
      }
      if (schema.getMaximum() == null) {
        schema.setMaximum(BigDecimal.valueOf(Integer.MAX_VALUE));
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(PublicApiFilter::bound);
    }
    bound(schema.getItems());
    if (schema.getAllOf() != null) {
      schema.getAllOf().forEach(PublicApiFilter::bound);
    }
    if (schema.getOneOf() != null) {
      schema.getOneOf().forEach(PublicApiFilter::bound);
    }
    if (schema.getAnyOf() != null) {
      schema.getAnyOf().forEach(PublicApiFilter::bound);
    }
  }

  private static int maxLengthOf(String format) {
    if (format == null) {
      return 500;
    }
    return switch (format) {
      case "uuid" -> 36;
      case "date-time" -> 35;
      case "date" -> 10;
      case "uri" -> 2000;
      default -> 500;
    };
  }
}
