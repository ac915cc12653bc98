package io.outsidein.insight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import io.outsidein.insight.service.Reevaluation;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HealthAndDocsTest {
  @Inject Reevaluation reevaluation;

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

  @Test
  void timesTheReevaluationAndCountsCustomersPerRisk() {
    reevaluation.reevaluateAll();

    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("insight_reevaluation_seconds_count"))
        .body(containsString("insight_customers{risk=\"HIGH\"}"))
        .body(containsString("insight_customers{risk=\"LOW\"}"))
        .body(containsString("inbox_lag "));
  }

  @Test
  void documentsEveryInsightEndpoint() {
    given()
        .queryParam("format", "json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/customers/{id}/insights"))
        .body(containsString("/insights/at-risk"))
        .body(containsString("/insights/segments"))
        .body(containsString("/insights/journeys"))
        .body(containsString("/admin/insights/rebuilds/{id}"));
  }
}
