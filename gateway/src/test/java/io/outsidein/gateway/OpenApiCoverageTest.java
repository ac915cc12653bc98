package io.outsidein.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.gateway.auth.Requires;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every JAX-RS resource method of the gateway is in the published document, and only those. */
@QuarkusTest
class OpenApiCoverageTest {

  record Route(String method, String path, Method javaMethod) {}

  @Test
  void documentsEveryPublicRouteWithItsErrorAnswers() throws Exception {
    List<Route> routes = routes();
    assertThat(routes).hasSizeGreaterThanOrEqualTo(24);
    Map<String, Map<String, Map<String, Object>>> paths =
        given()
            .queryParam("format", "json")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("paths");
    for (Route route : routes) {
      assertThat(paths).as("paths").containsKey(route.path());
      Map<String, Object> operation = paths.get(route.path()).get(route.method());
      assertThat(operation).as(route.method() + " " + route.path()).isNotNull();
      @SuppressWarnings("unchecked")
      Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
      assertThat(responses)
          .as("responses of " + route.method() + " " + route.path())
          .containsKeys("401", "403", "429", "502", "503");
    }
    assertThat(paths.keySet()).allMatch(p -> p.startsWith("/api/v1/"));
    long documented = paths.values().stream().mapToLong(Map::size).sum();
    assertThat(documented).isEqualTo(routes.size());
  }

  @Test
  void describesPagingOnceAndEveryListRefersToIt() {
    JsonPath document =
        given().queryParam("format", "json").when().get("/q/openapi").then().extract().jsonPath();
    assertThat(document.getMap("components.parameters.limit.schema"))
        .containsEntry("minimum", 1)
        .containsEntry("maximum", 200)
        .containsEntry("default", 50);
    assertThat(document.getMap("components.parameters.cursor.schema"))
        .containsEntry("maxLength", 200);
    // Each list with one of its own filters, which must stay beside the shared paging parameters.
    Map<String, String> lists =
        Map.of(
            "/api/v1/customers", "segment",
            "/api/v1/customers/{id}/interactions", "from",
            "/api/v1/gestures", "status",
            "/api/v1/insights/at-risk", "minRisk");
    lists.forEach(
        (list, filter) -> {
          List<Map<String, Object>> parameters =
              document.getList("paths['" + list + "'].get.parameters");
          assertThat(parameters)
              .as(list)
              .contains(
                  Map.of("$ref", "#/components/parameters/limit"),
                  Map.of("$ref", "#/components/parameters/cursor"))
              .noneMatch(p -> "limit".equals(p.get("name")) || "cursor".equals(p.get("name")))
              .anyMatch(p -> filter.equals(p.get("name")));
        });
  }

  @Test
  void givesEveryPublicRouteAPermission() throws Exception {
    assertThat(routes())
        .allSatisfy(
            route ->
                assertThat(route.javaMethod().getAnnotation(Requires.class))
                    .as(route.method() + " " + route.path())
                    .isNotNull());
  }

  /** The resource methods of the gateway, found by reflection over its compiled classes. */
  static List<Route> routes() throws IOException, URISyntaxException, ClassNotFoundException {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
                OpenApiCoverageTest.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .resolveSibling("classes");
    List<Route> routes = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
        Class<?> type = Class.forName(name, false, OpenApiCoverageTest.class.getClassLoader());
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          String verb = httpMethod(method);
          if (verb != null) {
            Path sub = method.getAnnotation(Path.class);
            String path = root.value() + (sub == null ? "" : sub.value());
            routes.add(new Route(verb.toLowerCase(Locale.ROOT), path, method));
          }
        }
      }
    }
    return routes;
  }

  private static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }
}
