package io.outsidein.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With every internal service down, callers get clear problems that reveal nothing internal. */
@QuarkusTest
@TestProfile(UnreachableServicesTest.NothingListens.class)
class UnreachableServicesTest {

  public static class NothingListens implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // Port 9 (discard) has no listener here: connections are refused at once.
      return Map.of(
          "outsidein.services.customer.url", "http://127.0.0.1:9",
          "outsidein.services.interaction.url", "http://127.0.0.1:9",
          "outsidein.services.insight.url", "http://127.0.0.1:9");
    }
  }

  @Test
  void answers503ProblemWithoutInternalAddressesWhenAServiceIsDown() {
    given()
        .when()
        .get("/api/v1/customers/{id}", java.util.UUID.randomUUID())
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("X-Request-Id", notNullValue())
        .body("status", equalTo(503))
        .body(not(containsString("127.0.0.1")))
        .body(not(containsString(":9")));
  }

  @Test
  void returnsTheCallersRequestId() {
    given()
        .header("X-Request-Id", "caller-chosen-id")
        .when()
        .get("/api/v1/insights/segments")
        .then()
        .header("X-Request-Id", equalTo("caller-chosen-id"));
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
