package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.grant;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad input is refused with a 400 problem naming the field, never a 500, and nothing is stored:
 * text PostgreSQL cannot hold, times outside 1900-9999, keys given twice, values of the wrong JSON
 * type, documented limits and required fields, bad query parameters.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadInputTest {
  private static final String NUL = "\\u0000";

  private static ValidatableResponse post(String path, String json, Object... params) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Actor", "agent-desk")
        .body(json)
        .when()
        .post(path, params)
        .then();
  }

  private static void refused(ValidatableResponse response, String field) {
    response
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors[0].field", equalTo(field))
        .body("detail", containsString(field));
  }

  /** A touchpoint of a new customer with one member written as raw JSON. */
  private static String interactionWith(UUID customer, String member) {
    return "{\"customerId\":\""
        + customer
        + "\",\"channel\":\"PHONE\",\"department\":\"SUPPORT\",\"type\":\"COMPLAINT\","
        + member
        + "}";
  }

  private static void hasNoInteractions(UUID customer) {
    given()
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void refusesTextThatPostgresqlCannotStoreNamingTheField() {
    UUID customer = Customers.active();
    refused(
        post("/interactions", interactionWith(customer, "\"summary\":\"a" + NUL + "b\"")),
        "summary");
    refused(
        post("/interactions", interactionWith(customer, "\"summary\":\"half \\ud83d pair\"")),
        "summary");
    refused(
        post(
            "/interactions",
            interactionWith(customer, "\"attributes\":{\"team\":\"no" + NUL + "rth\"}")),
        "attributes.team");
    refused(
        post("/interactions", interactionWith(customer, "\"externalId\":\"" + NUL + "\"")),
        "externalId");
    hasNoInteractions(customer);
  }

  @Test
  void refusesUnstorableTextInABatchItemAndStoresTheOtherItems() {
    UUID customer = Customers.active();
    String items =
        "{\"items\":["
            + interactionWith(customer, "\"summary\":\"fine\"")
            + ","
            + interactionWith(customer, "\"summary\":\"a" + NUL + "b\"")
            + ","
            + interactionWith(customer, "\"occurredAt\":\"-999999999-01-01T00:00:00Z\"")
            + ","
            + interactionWith(customer, "\"summary\":7")
            + "]}";
    post("/interactions/batch", items)
        .statusCode(200)
        .body("results.status", equalTo(List.of(201, 400, 400, 400)))
        .body("results[0].id", notNullValue())
        .body("results[1].problem.status", equalTo(400))
        .body("results[1].problem.errors[0].field", equalTo("summary"))
        .body("results[2].problem.errors[0].field", equalTo("occurredAt"))
        .body("results[3].problem.errors[0].field", equalTo("summary"));
    given()
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].summary", equalTo("fine"));
  }

  @Test
  void refusesTimesOutsideTheYears1900To9999() {
    UUID customer = Customers.active();
    refused(
        post(
            "/interactions",
            interactionWith(customer, "\"occurredAt\":\"-999999999-01-01T00:00:00Z\"")),
        "occurredAt");
    refused(
        post("/interactions", interactionWith(customer, "\"occurredAt\":\"1899-12-31T23:59:59Z\"")),
        "occurredAt");
    hasNoInteractions(customer);
    refused(
        given()
            .queryParam("from", "-999999999-01-01T00:00:00Z")
            .get("/customers/{id}/interactions", customer)
            .then(),
        "from");
    refused(
        given()
            .queryParam("to", "+10000-01-01T00:00:00Z")
            .get("/customers/{id}/interactions", customer)
            .then(),
        "to");
  }

  @Test
  void refusesValuesOfTheWrongJsonTypeInsteadOfCoercingThem() {
    UUID customer = Customers.active();
    refused(post("/interactions", interactionWith(customer, "\"occurredAt\":7")), "occurredAt");
    refused(post("/interactions", interactionWith(customer, "\"summary\":7")), "summary");
    refused(post("/interactions", interactionWith(customer, "\"sentiment\":\"0.5\"")), "sentiment");
    refused(
        post("/interactions", interactionWith(customer, "\"attributes\":{\"nested\":{\"a\":1}}")),
        "attributes.nested");
    hasNoInteractions(customer);

    String caseId = openCase(Customers.active(), "SUPPORT");
    String gesture = grant(caseId, "80.00", "agent-desk");
    refused(post("/gestures/{id}/decision", "{\"approve\":1}", gesture), "approve");
    refused(post("/gestures/{id}/decision", "{\"approve\":\"true\"}", gesture), "approve");
    given().get("/gestures/{id}", gesture).then().body("status", equalTo("PENDING_APPROVAL"));
  }

  @Test
  void refusesAKeyGivenTwice() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    refused(
        post("/cases/{id}/resolution", "{\"resolution\":\"a\",\"resolution\":\"b\"}", caseId),
        "resolution");
    refused(
        post(
            "/cases/{id}/gestures",
            "{\"amount\":{\"value\":\"5.00\",\"currency\":\"EUR\",\"value\":\"500.00\"},"
                + "\"reason\":\"late\"}",
            caseId),
        "amount.value");
    String gesture = grant(caseId, "80.00", "agent-desk");
    refused(
        post("/gestures/{id}/decision", "{\"approve\":false,\"approve\":true}", gesture),
        "approve");

    given().get("/cases/{id}", caseId).then().body("status", equalTo("OPEN"));
    given().get("/gestures/{id}", gesture).then().body("status", equalTo("PENDING_APPROVAL"));
    hasGestures(caseId, 1);
  }

  @Test
  void refusesABatchWhoseItemGivesAKeyTwiceNamingTheItemAndTheKey() {
    UUID customer = Customers.active();
    String items =
        "{\"items\":["
            + interactionWith(customer, "\"summary\":\"fine\"")
            + ","
            + interactionWith(customer, "\"summary\":\"a\",\"summary\":\"b\"")
            + "]}";
    refused(post("/interactions/batch", items), "items[1].summary");
    hasNoInteractions(customer);
  }

  @Test
  void enforcesTheDocumentedRequiredFieldsAndLengths() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    refused(
        post(
            "/cases/{id}/gestures",
            "{\"amount\":{\"value\":\"5.00\",\"currency\":\"EUR\"}}",
            caseId),
        "reason");
    refused(
        post(
            "/cases/{id}/gestures",
            "{\"amount\":{\"value\":\"5.00\",\"currency\":\"EUR\"},\"reason\":\"\"}",
            caseId),
        "reason");
    refused(
        post(
            "/cases/{id}/gestures",
            "{\"amount\":{\"value\":\"5.00\",\"currency\":\"EUR\"},\"reason\":\""
                + "x".repeat(2001)
                + "\"}",
            caseId),
        "reason");
    refused(
        post(
            "/cases/{id}/handoffs",
            "{\"toDepartment\":\"BILLING\",\"note\":\"" + NUL + "\"}",
            caseId),
        "note");
    hasGestures(caseId, 0);
    given()
        .get("/cases/{id}", caseId)
        .then()
        .body("handoffs.size()", equalTo(0))
        .body("status", equalTo("OPEN"));
  }

  @Test
  void refusesBadQueryParametersWithAProblemNamingThem() {
    UUID customer = Customers.active();
    refused(
        given().queryParam("type", "a\u0000").get("/customers/{id}/interactions", customer).then(),
        "type");
    refused(
        given().queryParam("limit", "abc").get("/customers/{id}/interactions", customer).then(),
        "limit");
    refused(given().queryParam("status", "\u0000").get("/gestures").then(), "status");
    refused(given().queryParam("cursor", "abc").get("/gestures").then(), "cursor");
  }

  private static void hasGestures(String caseId, int count) {
    given()
        .queryParam("limit", 200)
        .get("/gestures")
        .then()
        .statusCode(200)
        .body("items.findAll { it.caseId == '" + caseId + "' }.size()", equalTo(count));
  }
}
