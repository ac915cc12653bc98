package io.outsidein.insight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = true)
class HealthAndDocsTest {

  @Test
  void isReadyWhenItsDatabaseAndKafkaAnswer() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.name",
            hasItems("Database connections health check", "Kafka connection health check"));
  }
}
