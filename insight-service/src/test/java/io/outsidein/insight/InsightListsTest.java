package io.outsidein.insight;

import static io.outsidein.insight.support.Events.handedOff;
import static io.outsidein.insight.support.Events.opened;
import static io.outsidein.insight.support.Events.registered;
import static io.outsidein.insight.support.Events.touch;
import static io.outsidein.insight.support.Events.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.events.interaction.CaseResolved;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.support.Events;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The at-risk list, the segment figures and the journeys, over customers made by events. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InsightListsTest {

  /**
   * Three customers of a fresh segment: loyal (LOW), a bounced case rated poorly (MEDIUM) and an
   * unresolved complaint that bounced (HIGH).
   */
  private static Map<String, UUID> segmentOfThree(String segment) {
    UUID loyal = UUID.randomUUID();
    UUID bouncing = UUID.randomUUID();
    UUID frustrated = UUID.randomUUID();
    UUID bouncingCase = UUID.randomUUID();
    UUID frustratedCase = UUID.randomUUID();
    try (EventPublisher publisher = Events.publisher()) {
      for (UUID customer : List.of(loyal, bouncing, frustrated)) {
        publisher.publish(registered(customer, segment));
        for (int day = 30; day >= 2; day -= 4) {
          publisher.publish(visit(customer, day));
        }
      }
      publisher.publish(
          touch(loyal, 1, InteractionType.FEEDBACK, null, new Rating(Rating.Scale.NPS, 10), 0.8));

      publisher.publish(opened(bouncingCase, bouncing, Department.SALES, 3));
      publisher.publish(
          handedOff(bouncingCase, bouncing, Department.SALES, Department.DELIVERY, 2.5));
      publisher.publish(
          handedOff(bouncingCase, bouncing, Department.DELIVERY, Department.SUPPORT, 2));
      publisher.publish(touch(bouncing, 2, InteractionType.INQUIRY, bouncingCase, null, null));
      publisher.publish(new CaseResolved(bouncingCase, bouncing, Events.daysAgo(1)));
      publisher.publish(
          touch(
              bouncing,
              1,
              InteractionType.FEEDBACK,
              bouncingCase,
              new Rating(Rating.Scale.CSAT, 2),
              null));

      publisher.publish(opened(frustratedCase, frustrated, Department.SALES, 3));
      publisher.publish(
          handedOff(frustratedCase, frustrated, Department.SALES, Department.DELIVERY, 2));
      publisher.publish(
          handedOff(frustratedCase, frustrated, Department.DELIVERY, Department.SUPPORT, 1));
      publisher.publish(
          touch(
              frustrated,
              1,
              InteractionType.COMPLAINT,
              frustratedCase,
              new Rating(Rating.Scale.NPS, 2),
              -0.9));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .queryParam("segment", segment)
                    .when()
                    .get("/insights/at-risk")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .body("items", hasSize(3))
                    .body("items[0].churnRisk", equalTo("HIGH"))
                    .body("items[1].churnRisk", equalTo("MEDIUM")));
    return Map.of("loyal", loyal, "bouncing", bouncing, "frustrated", frustrated);
  }

  @Test
  void ranksCustomersByRiskThenHealthAndPagesWithAnOpaqueCursor() {
    String segment = Events.uniqueSegment();
    Map<String, UUID> customers = segmentOfThree(segment);

    JsonPath first =
        given()
            .queryParam("segment", segment)
            .queryParam("limit", 2)
            .when()
            .get("/insights/at-risk")
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .body("next", notNullValue())
            .extract()
            .jsonPath();
    assertThat(first.getList("items.customerId"))
        .containsExactly(
            customers.get("frustrated").toString(), customers.get("bouncing").toString());
    assertThat(first.getList("items[0].reasons.code")).contains("UNRESOLVED_COMPLAINT");

    given()
        .queryParam("segment", segment)
        .queryParam("limit", 2)
        .queryParam("cursor", first.getString("next"))
        .when()
        .get("/insights/at-risk")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].customerId", equalTo(customers.get("loyal").toString()))
        .body("items[0].churnRisk", equalTo("LOW"))
        .body("next", nullValue());

    given()
        .queryParam("segment", segment)
        .queryParam("minRisk", "high")
        .when()
        .get("/insights/at-risk")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].customerId", equalTo(customers.get("frustrated").toString()));
  }

  @Test
  void refusesAPageLargerThan200() {
    given()
        .queryParam("limit", 201)
        .when()
        .get("/insights/at-risk")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void refusesACorruptCursorAndAnUnknownRisk() {
    given()
        .queryParam("cursor", "not-a-cursor!")
        .when()
        .get("/insights/at-risk")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .queryParam("cursor", "djE6eDp5Ono")
        .when()
        .get("/insights/at-risk")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .queryParam("minRisk", "EXTREME")
        .when()
        .get("/insights/at-risk")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void summarisesASegmentWithHealthRiskRatingsEffortAndFriction() {
    String segment = Events.uniqueSegment();
    segmentOfThree(segment);

    JsonPath body =
        given().when().get("/insights/segments").then().statusCode(200).extract().jsonPath();
    Map<String, Object> summary = body.getMap("segments.find { it.segment == '" + segment + "' }");

    assertThat(summary)
        .containsEntry("customers", 3)
        .containsEntry("risk", Map.of("LOW", 1, "MEDIUM", 1, "HIGH", 1))
        // One promoter (10) and one detractor (2): NPS 0.
        .containsEntry("nps", 0)
        .containsEntry("csat", 2.0f);
    // Two cases: the bounced one took 2 contacts, the complaint 1.
    assertThat(summary.get("averageEffort")).isEqualTo(1.5f);
    assertThat(body.getList("segments.find { it.segment == '" + segment + "' }.topFriction"))
        .containsExactly(
            Map.of("from", "DELIVERY", "to", "SUPPORT", "count", 2),
            Map.of("from", "SALES", "to", "DELIVERY", "count", 2));
  }

  @Test
  void showsTheDepartmentPathsOfCasesAndTheHandoffMatrix() {
    segmentOfThree(Events.uniqueSegment());

    JsonPath body =
        given().when().get("/insights/journeys").then().statusCode(200).extract().jsonPath();

    Map<String, Object> path =
        body.getMap("paths.find { it.path == ['SALES', 'DELIVERY', 'SUPPORT'] }");
    assertThat(((Number) path.get("cases")).intValue()).isGreaterThanOrEqualTo(2);
    assertThat(body.getList("handoffMatrix.from")).contains("SALES", "DELIVERY");
  }
}
