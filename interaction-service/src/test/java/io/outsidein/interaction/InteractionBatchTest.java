package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.interaction;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.outsidein.interaction.support.Requests.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InteractionBatchTest {

  @Test
  void storesALargeBatchWhole() {
    UUID customer = Customers.active();
    String item =
        "{\"customerId\":\""
            + customer
            + "\",\"channel\":\"WEB\",\"department\":\"MARKETING\",\"type\":\"VISIT\","
            + "\"summary\":\"drill\"}";
    String body = "{\"items\":[" + String.join(",", Collections.nCopies(500, item)) + "]}";
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions/batch")
        .then()
        .statusCode(200)
        .body("results.size()", equalTo(500))
        .body("results.status", everyItem(equalTo(201)));
  }

  @Test
  void storesTheValidItemsAndAnswersEachRefusedItemWithItsProblem() {
    UUID customer = Customers.active();
    String existingExternal = "crm-" + UUID.randomUUID();
    Map<String, Object> earlier = interaction(customer);
    earlier.put("externalId", existingExternal);
    String earlierId = record(earlier);

    Map<String, Object> badEnum = interaction(customer);
    badEnum.put("channel", "PIGEON");
    Map<String, Object> duplicate = interaction(customer);
    duplicate.put("externalId", existingExternal);
    Map<String, Object> badRating = interaction(customer);
    badRating.put("rating", Map.of("scale", "NPS", "score", 11));
    Map<String, Object> othersCase = interaction(customer);
    othersCase.put("caseId", openCase(Customers.active(), "SUPPORT"));

    List<Object> items =
        List.of(
            interaction(customer),
            badEnum,
            interaction(UUID.randomUUID()),
            duplicate,
            badRating,
            othersCase,
            interaction(Customers.erased()),
            interaction(customer));

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("items", items))
        .when()
        .post("/interactions/batch")
        .then()
        .statusCode(200)
        .body("results.size()", equalTo(8))
        .body("results.index", equalTo(List.of(0, 1, 2, 3, 4, 5, 6, 7)))
        .body("results.status", equalTo(List.of(201, 400, 422, 409, 400, 422, 422, 201)))
        .body("results[0].id", notNullValue())
        .body("results[0].problem", nullValue())
        .body("results[1].problem.errors[0].field", equalTo("channel"))
        .body("results[1].problem.errors[0].message", containsString("must be one of"))
        .body("results[2].problem.detail", containsString("unknown"))
        .body("results[3].problem.existingId", equalTo(earlierId))
        .body("results[4].problem.errors[0].field", equalTo("rating.score"))
        .body("results[5].problem.detail", containsString("another customer"))
        .body("results[6].problem.detail", containsString("erased"))
        .body("results[7].id", notNullValue());

    given()
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(3));
  }

  @Test
  void refusesTheSecondItemOfABatchWithTheSameExternalIdAsTheFirst() {
    UUID customer = Customers.active();
    Map<String, Object> item = interaction(customer);
    item.put("externalId", "web-" + UUID.randomUUID());
    String firstId =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("items", List.of(item, item)))
            .when()
            .post("/interactions/batch")
            .then()
            .statusCode(200)
            .body("results.status", equalTo(List.of(201, 409)))
            .extract()
            .path("results[0].id");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("items", List.of(item)))
        .when()
        .post("/interactions/batch")
        .then()
        .body("results[0].problem.existingId", equalTo(firstId));
  }

  @Test
  void storesAThousandItemsAcrossChunks() {
    List<UUID> customers = List.of(Customers.active(), Customers.active(), Customers.active());
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Map<String, Object> item = interaction(customers.get(i % 3));
      item.put("externalId", "bulk-" + i);
      items.add(item);
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("items", items))
        .when()
        .post("/interactions/batch")
        .then()
        .statusCode(200)
        .body("results.size()", equalTo(1000))
        .body("results.status", equalTo(Collections.nCopies(1000, 201)))
        .body("results[999].index", equalTo(999));
  }

  @Test
  void refusesAnEmptyBatchAndOneOfMoreThanAThousandItems() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("items", List.of()))
        .when()
        .post("/interactions/batch")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("items"));

    Map<String, Object> item = interaction(UUID.randomUUID());
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("items", Collections.nCopies(1001, item)))
        .when()
        .post("/interactions/batch")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("items"));
  }

  @Test
  void refusesABodyOverTheLimitWith413Problem() {
    String big = "x".repeat(5 * 1024 * 1024);
    given()
        .contentType(ContentType.JSON)
        .body("{\"items\":[{\"summary\":\"" + big + "\"}]}")
        .when()
        .post("/interactions/batch")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }
}
