package io.outsidein.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.auth.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published contract and the gateway's routes agree: every JAX-RS resource method is an
 * operation of the document and every operation a route, and each operation's {@code x-roles} are
 * exactly the roles the route's permission grants.
 */
@QuarkusTest
class OpenApiCoverageTest {
  private static final String BASE = "/api/v1";

  record Route(String method, String path, Method javaMethod) {
    /** The path as the document writes it, relative to its server {@code /api/v1}. */
    String documentPath() {
      return path.substring(BASE.length());
    }
  }

  @Test
  void documentsEveryPublicRouteWithItsErrorAnswers() throws Exception {
    List<Route> routes = routes();
    assertThat(routes).hasSizeGreaterThanOrEqualTo(24).allMatch(r -> r.path().startsWith(BASE));
    JsonPath document = document();
    assertThat(document.getString("servers[0].url")).isEqualTo(BASE);
    Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
    for (Route route : routes) {
      assertThat(paths).as("paths").containsKey(route.documentPath());
      Map<String, Object> operation = paths.get(route.documentPath()).get(route.method());
      assertThat(operation).as(route.method() + " " + route.path()).isNotNull();
      @SuppressWarnings("unchecked")
      Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
      assertThat(responses)
          .as("responses of " + route.method() + " " + route.path())
          .containsKeys("400", "401", "403", "429", "502", "503");
    }
    long documented =
        paths.values().stream()
            .mapToLong(item -> item.keySet().stream().filter(k -> !k.equals("parameters")).count())
            .sum();
    assertThat(documented).isEqualTo(routes.size());
  }

  @Test
  void statesTheRolesOfEveryOperationAsTheRoutesPermissionGrantsThem() throws Exception {
    JsonPath document = document();
    for (Route route : routes()) {
      Permission permission = route.javaMethod().getAnnotation(Requires.class).value();
      List<String> granted =
          Arrays.stream(Role.values()).filter(permission::grantedTo).map(Role::configName).toList();
      String operation = "paths['" + route.documentPath() + "']." + route.method();
      assertThat(document.getList(operation + "['x-roles']", String.class))
          .as(route.method() + " " + route.path())
          .containsExactlyInAnyOrderElementsOf(granted);
      assertThat(document.getString(operation + ".description"))
          .endsWith(
              "Roles: " + String.join(", ", document.getList(operation + "['x-roles']")) + ".");
    }
  }

  @Test
  void namesOperationsAsVerbsOfTheApiNotAsClasses() {
    List<String> ids =
        document()
            .getList(
                "paths.collect { it.value.findAll { it.key != 'parameters' }.collect { it.value.operationId } }.flatten()");
    assertThat(ids)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[a-z]+[A-Za-z]*") && !id.contains("Routes"));
  }

  private static JsonPath document() {
    return given()
        .queryParam("format", "json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void describesPagingOnceAndEveryListRefersToIt() {
    JsonPath document = document();
    assertThat(document.getMap("components.parameters.limit.schema"))
        .containsEntry("minimum", 1)
        .containsEntry("maximum", 200)
        .containsEntry("default", 50);
    assertThat(document.getMap("components.parameters.cursor.schema"))
        .containsEntry("maxLength", 200);
    // Each list with one of its own filters, which must stay beside the shared paging parameters.
    Map<String, String> lists =
        Map.of(
            "/customers", "segment",
            "/customers/{id}/interactions", "from",
            "/gestures", "status",
            "/insights/at-risk", "minRisk");
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
