package io.outsidein.insight.experiments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExperimentResourceTest {
  private static final String NOBODY = "experiment-resource-test";

  /** Call back silent customers against nothing, started a day ago; tests change a part. */
  private static Map<String, Object> callBack() {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Call back silent customers");
    body.put("hypothesis", "A call brings silent customers back");
    // A segment no other test's customers are in: a running experiment changes their actions.
    body.put("population", Map.of("segment", NOBODY, "minRisk", "MEDIUM"));
    body.put(
        "arms",
        List.of(
            Map.of("name", "control", "weight", 1),
            Map.of(
                "name",
                "callBack",
                "weight",
                1,
                "treatment",
                Map.of("action", "PROACTIVE_OUTREACH"))));
    body.put("outcome", "RETAINED");
    body.put("startsAt", Instant.now().minus(Duration.ofDays(1)).toString());
    return body;
  }

  private static ValidatableResponse design(Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Actor", "analyst-desk")
        .body(body)
        .when()
        .post("/experiments")
        .then();
  }

  private static ValidatableResponse stop(String id) {
    return given()
        .header("X-Actor", "analyst-desk")
        .when()
        .post("/experiments/{id}/stop", id)
        .then();
  }

  @Test
  void designsAnExperimentThatRunsFromItsStartAndReadsItBack() {
    String id =
        design(callBack())
            .statusCode(201)
            .header("Location", containsString("/experiments/"))
            .body("status", equalTo("RUNNING"))
            .body("createdBy", equalTo("analyst-desk"))
            .body("population.segment", equalTo(NOBODY))
            .body("population.minRisk", equalTo("MEDIUM"))
            .body("arms[1].treatment.action", equalTo("PROACTIVE_OUTREACH"))
            .body("arms[0].treatment", nullValue())
            .body("outcome", equalTo("RETAINED"))
            .extract()
            .path("id");
    given()
        .get("/experiments/{id}", id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Call back silent customers"))
        .body("arms", hasSize(2))
        .body("stoppedAt", nullValue());

    Map<String, Object> later = callBack();
    later.put("startsAt", Instant.now().plus(Duration.ofDays(7)).toString());
    later.put(
        "arms",
        List.of(
            Map.of("name", "latitude25", "weight", 1),
            Map.of(
                "name",
                "latitude50",
                "weight",
                3,
                "treatment",
                Map.of("latitude", Map.of("EUR", "50.00")))));
    String scheduled =
        design(later)
            .statusCode(201)
            .body("status", equalTo("SCHEDULED"))
            .body("arms[1].treatment.latitude.EUR", equalTo("50.00"))
            .extract()
            .path("id");

    String next =
        given()
            .queryParam("limit", 1)
            .get("/experiments")
            .then()
            .statusCode(200)
            .body("items", hasSize(1))
            .body("items[0].id", equalTo(scheduled))
            .body("next", notNullValue())
            .extract()
            .path("next");
    given()
        .queryParam("limit", 1)
        .queryParam("cursor", next)
        .get("/experiments")
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(id));
  }

  @Test
  void stopsAnExperimentOnceAndNeverOneThatEnded() {
    String id = design(callBack()).statusCode(201).extract().path("id");
    stop(id)
        .statusCode(200)
        .body("status", equalTo("STOPPED"))
        .body("stoppedBy", equalTo("analyst-desk"));
    stop(id).statusCode(409).body("experimentStatus", equalTo("STOPPED"));
    stop(UUID.randomUUID().toString()).statusCode(404);

    Map<String, Object> ended = callBack();
    ended.put("startsAt", Instant.now().minus(Duration.ofDays(10)).toString());
    ended.put("endsAt", Instant.now().minus(Duration.ofDays(1)).toString());
    String over =
        design(ended).statusCode(201).body("status", equalTo("ENDED")).extract().path("id");
    stop(over).statusCode(409);
  }

  @Test
  void refusesArmsThatCannotBeToldApartOrTreatTwiceAndAnEndBeforeTheStart() {
    Map<String, Object> oneArm = callBack();
    oneArm.put("arms", List.of(Map.of("name", "control", "weight", 1)));
    design(oneArm).statusCode(400).body("errors[0].field", containsString("arms"));

    Map<String, Object> twins = callBack();
    twins.put("arms", List.of(Map.of("name", "a", "weight", 1), Map.of("name", "a", "weight", 2)));
    design(twins).statusCode(400).body("errors[0].field", equalTo("arms[1].name"));

    Map<String, Object> both = callBack();
    both.put(
        "arms",
        List.of(
            Map.of("name", "control", "weight", 1),
            Map.of(
                "name",
                "mixed",
                "weight",
                1,
                "treatment",
                Map.of("action", "PROACTIVE_OUTREACH", "latitude", Map.of("EUR", "50.00")))));
    design(both).statusCode(400).body("errors[0].field", equalTo("arms[1].treatment"));

    Map<String, Object> backwards = callBack();
    backwards.put("endsAt", Instant.now().minus(Duration.ofDays(2)).toString());
    design(backwards).statusCode(400).body("errors[0].field", equalTo("endsAt"));

    Map<String, Object> badWeight = callBack();
    badWeight.put(
        "arms", List.of(Map.of("name", "a", "weight", 0), Map.of("name", "b", "weight", 1)));
    design(badWeight).statusCode(400);

    Map<String, Object> badOutcome = callBack();
    badOutcome.put("outcome", "HAPPINESS");
    design(badOutcome).statusCode(400);

    given().queryParam("cursor", "not-a-cursor").get("/experiments").then().statusCode(400);
    given().get("/experiments/{id}", UUID.randomUUID()).then().statusCode(404);
  }

  /** Generated clients send an empty map for a latitude nobody set: that is no latitude. */
  @Test
  void takesAnEmptyLatitudeAsNone() {
    Map<String, Object> generated = callBack();
    generated.put(
        "arms",
        List.of(
            Map.of("name", "control", "weight", 1, "treatment", Map.of("latitude", Map.of())),
            Map.of(
                "name",
                "callBack",
                "weight",
                1,
                "treatment",
                Map.of("action", "PROACTIVE_OUTREACH", "latitude", Map.of()))));
    design(generated)
        .statusCode(201)
        .body("arms[0].treatment", org.hamcrest.Matchers.nullValue())
        .body("arms[1].treatment.action", equalTo("PROACTIVE_OUTREACH"))
        .body("arms[1].treatment.latitude", org.hamcrest.Matchers.nullValue());
  }
}
