package io.outsidein.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.outsidein.gateway.auth.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With every internal service down (the test profile points them at port 9, where nothing listens),
 * callers get clear problems that reveal nothing internal.
 */
@QuarkusTest
class UnreachableServicesTest {

  @Test
  void answers503ProblemWithoutInternalAddressesWhenAServiceIsDown() {
    given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .when()
        .get("/api/v1/customers/{id}", UUID.randomUUID())
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("X-Request-Id", notNullValue())
        .header("Retry-After", notNullValue())
        .body("status", equalTo(503))
        .body(not(containsString("127.0.0.1")))
        .body(not(containsString(":9")));
  }

  @Test
  void returnsTheCallersRequestId() {
    given()
        .header("Authorization", TestKeys.bearer(Role.ANALYST))
        .header("X-Request-Id", "caller-chosen-id")
        .when()
        .get("/api/v1/insights/segments")
        .then()
        .header("X-Request-Id", equalTo("caller-chosen-id"));
  }

  @Test
  void returnsARequestIdEvenToAnUnauthenticatedCaller() {
    given()
        .when()
        .get("/api/v1/customers")
        .then()
        .statusCode(401)
        .header("X-Request-Id", notNullValue());
  }

  @Test
  void answersUnknownRoutesWith404Problem() {
    given()
        .when()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void isNotReadyWhileItCannotReachTheServices() {
    given().when().get("/q/health/ready").then().statusCode(503);
    given().when().get("/q/health/live").then().statusCode(200);
  }
}
