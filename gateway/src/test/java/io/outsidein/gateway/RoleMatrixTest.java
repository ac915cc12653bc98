package io.outsidein.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.gateway.auth.Role;
import io.outsidein.gateway.fake.FakeServices;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role table of the design, cell by cell. Fake services answer every forwarded call, so a
 * permitted call gets their answer (201 for a registration, 202 for a rebuild, 204 for an erasure,
 * 200 otherwise) and a forbidden one stops at 403.
 */
@QuarkusTest
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoleMatrixTest {
  private static final String ID = UUID.randomUUID().toString();

  /** One public operation and the roles the design allows it to. */
  record Operation(String method, String path, String allowed) {
    /** What the fake services answer a permitted call. */
    int answer() {
      if (method.equals("POST") && path.equals("/api/v1/customers")) {
        return 201;
      }
      if (method.equals("DELETE")) {
        return 204;
      }
      return method.equals("POST") && path.equals("/api/v1/admin/insights/rebuilds") ? 202 : 200;
    }

    Set<Role> roles() {
      return Arrays.stream(allowed.split(" ")).map(Role::parse).collect(Collectors.toSet());
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final Operation[] OPERATIONS = {
    new Operation("POST", "/api/v1/customers", "agent supervisor integration admin"),
    new Operation("GET", "/api/v1/customers", "agent supervisor analyst integration admin"),
    new Operation("GET", "/api/v1/customers/" + ID, "agent supervisor analyst integration admin"),
    new Operation("PATCH", "/api/v1/customers/" + ID, "agent supervisor integration admin"),
    new Operation("DELETE", "/api/v1/customers/" + ID, "admin"),
    new Operation("POST", "/api/v1/customers/" + ID + "/merge", "admin"),
    new Operation(
        "GET",
        "/api/v1/customers/" + ID + "/interactions",
        "agent supervisor analyst integration admin"),
    new Operation("GET", "/api/v1/customers/" + ID + "/cases", "agent supervisor analyst admin"),
    new Operation("GET", "/api/v1/customers/" + ID + "/goodwill", "agent supervisor analyst admin"),
    new Operation("GET", "/api/v1/customers/" + ID + "/insights", "agent supervisor analyst admin"),
    new Operation("GET", "/api/v1/customers/" + ID + "/journey", "agent supervisor analyst admin"),
    new Operation("POST", "/api/v1/interactions", "agent supervisor integration admin"),
    new Operation("POST", "/api/v1/interactions/batch", "integration admin"),
    new Operation(
        "GET", "/api/v1/interactions/" + ID, "agent supervisor analyst integration admin"),
    new Operation("POST", "/api/v1/cases", "agent supervisor admin"),
    new Operation("GET", "/api/v1/cases/" + ID, "agent supervisor analyst admin"),
    new Operation("POST", "/api/v1/cases/" + ID + "/handoffs", "agent supervisor admin"),
    new Operation("POST", "/api/v1/cases/" + ID + "/resolution", "agent supervisor admin"),
    new Operation("POST", "/api/v1/cases/" + ID + "/gestures", "agent supervisor admin"),
    new Operation("GET", "/api/v1/gestures", "agent supervisor analyst admin"),
    new Operation("POST", "/api/v1/gestures/" + ID + "/decision", "supervisor admin"),
    new Operation("GET", "/api/v1/policies/goodwill", "agent supervisor analyst admin"),
    new Operation("PUT", "/api/v1/policies/goodwill", "admin"),
    new Operation("GET", "/api/v1/policies/goodwill/versions", "agent supervisor analyst admin"),
    new Operation("GET", "/api/v1/insights/segments", "analyst admin"),
    new Operation("GET", "/api/v1/insights/at-risk", "analyst admin"),
    new Operation("GET", "/api/v1/insights/journeys", "analyst admin"),
    new Operation("POST", "/api/v1/admin/insights/rebuilds", "admin"),
    new Operation("GET", "/api/v1/admin/insights/rebuilds/" + ID, "admin"),
    new Operation("POST", "/api/v1/customers/" + ID + "/actions", "agent supervisor admin"),
    new Operation("GET", "/api/v1/customers/" + ID + "/actions", "agent supervisor analyst admin"),
    new Operation("GET", "/api/v1/insights/actions", "supervisor analyst admin"),
    new Operation("POST", "/api/v1/experiments", "analyst admin"),
    new Operation("GET", "/api/v1/experiments", "agent supervisor analyst admin"),
    new Operation("GET", "/api/v1/experiments/" + ID, "agent supervisor analyst admin"),
    new Operation("POST", "/api/v1/experiments/" + ID + "/stop", "analyst admin"),
    new Operation("GET", "/api/v1/experiments/" + ID + "/results", "supervisor analyst admin"),
    new Operation("GET", "/api/v1/insights/calibration", "supervisor analyst admin"),
  };

  static Stream<Arguments> cells() {
    return Arrays.stream(OPERATIONS)
        .flatMap(
            op ->
                Arrays.stream(Role.values())
                    .map(role -> Arguments.of(op, role, op.roles().contains(role))));
  }

  static Stream<Operation> operations() {
    return Arrays.stream(OPERATIONS);
  }

  @ParameterizedTest(name = "{1} {0}: allowed={2}")
  @MethodSource("cells")
  void answersEachRoleAsTheRoleTableSays(Operation operation, Role role, boolean allowed) {
    var answer =
        given()
            .header("Authorization", TestKeys.bearer(role))
            .contentType(
                operation.method().equals("PATCH")
                    ? "application/merge-patch+json"
                    : "application/json")
            .body(
                operation.method().equals("GET") || operation.method().equals("DELETE") ? "" : "{}")
            .when()
            .request(operation.method(), operation.path())
            .then()
            .statusCode(allowed ? operation.answer() : 403);
    if (!allowed) {
      answer.contentType("application/problem+json");
    } else if (operation.answer() != 204) {
      // A 204 has no body, so no content type.
      answer.contentType("application/json");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void answers401WithAChallengeWhenTheKeyIsMissing(Operation operation) {
    given()
        .contentType("application/json")
        .when()
        .request(operation.method(), operation.path())
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType("application/problem+json")
        .body("status", equalTo(401));
  }

  @Test
  void answers401ForAnUnknownKeyInEitherHeader() {
    given()
        .header("Authorization", "Bearer not-a-key")
        .when()
        .get("/api/v1/customers")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer");
    given().header("X-API-Key", "not-a-key").when().get("/api/v1/customers").then().statusCode(401);
  }

  @Test
  void acceptsTheKeyInTheXApiKeyHeader() {
    given()
        .header("X-API-Key", TestKeys.of(Role.ANALYST))
        .when()
        .get("/api/v1/customers")
        .then()
        .statusCode(200);
  }

  @Test
  void leavesHealthAndTheOpenApiDocumentOpen() {
    given().when().get("/q/health/live").then().statusCode(200);
    given().when().get("/q/openapi").then().statusCode(200);
    given()
        .when()
        .get("/asyncapi.yaml")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("asyncapi:"));
    given().when().get("/q/metrics").then().statusCode(200);
  }
}
