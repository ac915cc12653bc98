package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.interaction;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.outsidein.interaction.support.Requests.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InteractionResourceTest {

  @Test
  void recordsATouchpointWithLocationAndReadsItBack() {
    UUID customer = Customers.active();
    Map<String, Object> body = interaction(customer);
    body.put("occurredAt", "2024-11-05T09:30:00Z");
    body.put("rating", Map.of("scale", "NPS", "score", 9));
    body.put("sentiment", -0.5);
    body.put("amount", Map.of("value", "19.90", "currency", "EUR"));
    body.put("attributes", Map.of("agentTeam", "north"));

    String id =
        given()
            .contentType(ContentType.JSON)
            .body(body)
            .when()
            .post("/interactions")
            .then()
            .statusCode(201)
            // Absolute, though the answer is built on a group-commit writer's thread.
            .header("Location", matchesPattern("http://[^/]+/interactions/[0-9a-f-]{36}$"))
            .body("customerId", equalTo(customer.toString()))
            .extract()
            .path("id");

    given()
        .when()
        .get("/interactions/{id}", id)
        .then()
        .statusCode(200)
        .body("occurredAt", equalTo("2024-11-05T09:30:00Z"))
        .body("channel", equalTo("PHONE"))
        .body("rating.scale", equalTo("NPS"))
        .body("rating.score", equalTo(9))
        .body("sentiment", equalTo(-0.5f))
        .body("amount.value", equalTo("19.90"))
        .body("amount.currency", equalTo("EUR"))
        .body("summary", equalTo("Parcel arrived damaged"))
        .body("attributes.agentTeam", equalTo("north"));
  }

  @Test
  void defaultsOccurredAtToNow() {
    Instant before = Instant.now().minusSeconds(1);
    String id = record(interaction(Customers.active()));
    String occurredAt = given().get("/interactions/{id}", id).then().extract().path("occurredAt");
    assertThat(Instant.parse(occurredAt)).isAfter(before).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void acceptsASmallClockSkewButRefusesTheFutureBeyondFiveMinutes() {
    UUID customer = Customers.active();
    Map<String, Object> skewed = interaction(customer);
    skewed.put("occurredAt", Instant.now().plus(4, ChronoUnit.MINUTES).toString());
    record(skewed);

    Map<String, Object> future = interaction(customer);
    future.put("occurredAt", Instant.now().plus(6, ChronoUnit.MINUTES).toString());
    given()
        .contentType(ContentType.JSON)
        .body(future)
        .when()
        .post("/interactions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("occurredAt"));
  }

  @Test
  void refusesAnUnknownChannelNamingTheFieldAndTheAllowedValues() {
    Map<String, Object> body = interaction(Customers.active());
    body.put("channel", "PIGEON");
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("channel"))
        .body("errors[0].message", containsString("WEB, EMAIL, PHONE"));
  }

  @Test
  void refusesMissingEnumsNamingEachField() {
    Map<String, Object> body = interaction(Customers.active());
    body.remove("department");
    body.remove("type");
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("department"))
        .body("errors.field", hasItem("type"));
  }

  @Test
  void refusesARatingOutsideItsScale() {
    Map<String, Object> body = interaction(Customers.active());
    body.put("rating", Map.of("scale", "CSAT", "score", 0));
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("rating.score"))
        .body("errors[0].message", containsString("1 to 5"));
  }

  @Test
  void refusesSentimentOutsideMinusOneToOne() {
    Map<String, Object> body = interaction(Customers.active());
    body.put("sentiment", 1.5);
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("sentiment"));
  }

  @Test
  void refusesAnAmountThatIsNotADecimalStringOrHasNoIsoCurrency() {
    Map<String, Object> body = interaction(Customers.active());
    body.put("amount", Map.of("value", "12,50", "currency", "EURO"));
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("amount.value"))
        .body("errors.field", hasItem("amount.currency"));
  }

  @Test
  void refusesASummaryOver2000Characters() {
    Map<String, Object> body = interaction(Customers.active());
    body.put("summary", "x".repeat(2001));
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("summary"));
  }

  @Test
  void refusesAnUnknownCustomerWith422() {
    given()
        .contentType(ContentType.JSON)
        .body(interaction(UUID.randomUUID()))
        .when()
        .post("/interactions")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("unknown"));
  }

  @Test
  void refusesAnErasedCustomerWith422() {
    given()
        .contentType(ContentType.JSON)
        .body(interaction(Customers.erased()))
        .when()
        .post("/interactions")
        .then()
        .statusCode(422)
        .body("detail", containsString("erased"));
  }

  @Test
  void asksCustomerServiceOnlyOnceAboutACustomerItDidNotKnow() {
    UUID customer = Customers.active();
    record(interaction(customer));
    record(interaction(customer));
    assertThat(Customers.lookups(customer)).isEqualTo(1);
  }

  @Test
  void recordsAMergedCustomersTouchpointUnderTheSurvivor() {
    UUID survivor = Customers.active();
    UUID duplicate = Customers.mergedInto(survivor);
    given()
        .contentType(ContentType.JSON)
        .body(interaction(duplicate))
        .when()
        .post("/interactions")
        .then()
        .statusCode(201)
        .body("customerId", equalTo(survivor.toString()));
  }

  @Test
  void answers409WithTheExistingIdForAnExternalIdAlreadyRecordedForTheCustomer() {
    UUID customer = Customers.active();
    Map<String, Object> body = interaction(customer);
    body.put("externalId", "crm-" + UUID.randomUUID());
    String first = record(body);

    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(409)
        .body("existingId", equalTo(first));

    // Another customer may use the same external id.
    Map<String, Object> other = interaction(Customers.active());
    other.put("externalId", body.get("externalId"));
    record(other);
  }

  @Test
  void replaysTheFirstResponseForARetryWithTheSameIdempotencyKey() {
    Map<String, Object> body = interaction(Customers.active());
    String key = "key-" + UUID.randomUUID();
    String first =
        given()
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", key)
            .body(body)
            .post("/interactions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    given()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .header("Location", matchesPattern("http://[^/]+/interactions/" + first))
        .body("id", equalTo(first));

    body.put("summary", "another body");
    given()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(422);
  }

  @Test
  void refusesACaseOfAnotherCustomerWith422() {
    String othersCase = openCase(Customers.active(), "SUPPORT");
    Map<String, Object> body = interaction(Customers.active());
    body.put("caseId", othersCase);
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(422)
        .body("detail", containsString("another customer"));
  }

  @Test
  void answers404ForAnUnknownInteraction() {
    given()
        .when()
        .get("/interactions/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void listsACustomersTouchpointsNewestFirstPageByPage() {
    UUID customer = Customers.active();
    Instant base = Instant.parse("2025-01-10T12:00:00Z");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> body = interaction(customer);
      body.put("occurredAt", base.plus(i, ChronoUnit.HOURS).toString());
      ids.add(record(body));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request
              .when()
              .get("/customers/{id}/interactions", customer)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(page.getList("items.id"));
      cursor = page.getString("next");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    java.util.Collections.reverse(ids);
    assertThat(seen).containsExactlyElementsOf(ids);
  }

  @Test
  void filtersACustomersTouchpointsByTimeDepartmentChannelAndType() {
    UUID customer = Customers.active();
    Map<String, Object> old = interaction(customer);
    old.put("occurredAt", "2024-01-01T00:00:00Z");
    record(old);
    Map<String, Object> billing = interaction(customer);
    billing.put("department", "BILLING");
    billing.put("channel", "EMAIL");
    billing.put("type", "INQUIRY");
    String billingId = record(billing);
    record(interaction(customer));

    given()
        .queryParam("department", "BILLING")
        .queryParam("channel", "EMAIL")
        .queryParam("type", "INQUIRY")
        .queryParam("from", "2025-01-01T00:00:00Z")
        .when()
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(billingId)))
        .body("next", nullValue());

    given()
        .queryParam("to", "2025-01-01T00:00:00Z")
        .when()
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].occurredAt", equalTo("2024-01-01T00:00:00Z"));
  }

  @Test
  void refusesALimitAbove200ACorruptCursorAndAnUnknownFilterValue() {
    UUID customer = Customers.active();
    given()
        .queryParam("limit", 201)
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    given()
        .queryParam("cursor", "not-a-cursor")
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("cursor"));
    given()
        .queryParam("channel", "PIGEON")
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("channel"));
    given()
        .queryParam("from", "yesterday")
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("from"));
  }

  @Test
  void answersAnEmptyPageForACustomerWithoutTouchpoints() {
    given()
        .get("/customers/{id}/interactions", UUID.randomUUID())
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0))
        .body("next", nullValue())
        .body("items", notNullValue());
  }
}
