package io.outsidein.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BodyLimitTest {

  @Test
  void refusesABodyOver64KibWith413Problem() {
    String name = "x".repeat(70 * 1024);
    given()
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\"" + name + "\"}")
        .when()
        .post("/customers")
        .then()
        .statusCode(413)
        .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }
}
