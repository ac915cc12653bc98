package io.outsidein.customer;

import static io.outsidein.customer.Fixtures.MERGE_PATCH;
import static io.outsidein.customer.Fixtures.etagOf;
import static io.outsidein.customer.Fixtures.register;
import static io.outsidein.customer.Fixtures.unique;
import static io.outsidein.customer.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input is refused with a 400 problem naming the field, never a 500, and nothing is stored:
 * text PostgreSQL cannot hold, keys given twice, values of the wrong JSON type, bad parameters.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadInputTest {
  private static final String NUL = "\\u0000";

  private static void refused(ValidatableResponse response, String field) {
    response
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors[0].field", equalTo(field))
        .body("detail", containsString(field));
  }

  private static ValidatableResponse create(String json) {
    return given().contentType(ContentType.JSON).body(json).when().post("/customers").then();
  }

  private static ValidatableResponse patch(String id, String json) {
    return given()
        .contentType(MERGE_PATCH)
        .header("If-Match", etagOf(id))
        .body(json)
        .when()
        .patch("/customers/{id}", id)
        .then();
  }

  /** A new customer's body with one more member written as raw JSON. */
  private static String profileWith(String email, String member) {
    return "{\"displayName\":\"Test " + unique() + "\",\"email\":\"" + email + "\"," + member + "}";
  }

  private static void noCustomerHolds(String email) {
    given()
        .queryParam("email", email)
        .get("/customers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void refusesTextThatPostgresqlCannotStoreNamingTheField() {
    String email = uniqueEmail();
    refused(
        create("{\"displayName\":\"Ada" + NUL + "\",\"email\":\"" + email + "\"}"), "displayName");
    refused(create(profileWith(email, "\"locale\":\"en" + NUL + "\"")), "locale");
    refused(
        create(profileWith(email, "\"attributes\":{\"tier\":\"go" + NUL + "ld\"}")),
        "attributes.tier");
    refused(
        create(profileWith(email, "\"externalRefs\":{\"crm\":\"C-\\udc00\"}")), "externalRefs.crm");
    noCustomerHolds(email);
  }

  @Test
  void refusesAPatchWithUnstorableTextAndKeepsTheCustomer() {
    String id = register();
    String etag = etagOf(id);
    String name = given().get("/customers/{id}", id).then().extract().path("displayName");
    refused(patch(id, "{\"displayName\":\"x" + NUL + "\"}"), "displayName");
    refused(patch(id, "{\"attributes\":{\"note\":\"" + NUL + "\"}}"), "attributes.note");
    given()
        .get("/customers/{id}", id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body("displayName", equalTo(name));
  }

  @Test
  void refusesValuesOfTheWrongJsonTypeInsteadOfCoercingThem() {
    String email = uniqueEmail();
    refused(create("{\"displayName\":7,\"email\":\"" + email + "\"}"), "displayName");
    refused(create(profileWith(email, "\"consents\":{\"marketing\":1}")), "consents.marketing");
    refused(
        create(profileWith(email, "\"consents\":{\"marketing\":\"true\"}")), "consents.marketing");
    refused(create(profileWith(email, "\"segment\":true")), "segment");
    noCustomerHolds(email);
  }

  @Test
  void refusesAKeyGivenTwice() {
    String email = uniqueEmail();
    refused(
        create("{\"displayName\":\"A\",\"displayName\":\"B\",\"email\":\"" + email + "\"}"),
        "displayName");
    refused(
        create(profileWith(email, "\"consents\":{\"marketing\":true,\"marketing\":false}")),
        "consents.marketing");
    noCustomerHolds(email);
    String id = register();
    String etag = etagOf(id);
    refused(patch(id, "{\"segment\":\"a\",\"segment\":\"b\"}"), "segment");
    given().get("/customers/{id}", id).then().header("ETag", equalTo(etag));
  }

  @Test
  void refusesQueryParametersWithTextPostgresqlCannotStore() {
    refused(given().queryParam("q", "Ada\u0000").get("/customers").then(), "q");
    refused(given().queryParam("email", "\u0000@example.com").get("/customers").then(), "email");
    refused(
        given().queryParam("externalRef", "crm:\u0000").get("/customers").then(), "externalRef");
    refused(given().queryParam("limit", "abc").get("/customers").then(), "limit");
  }

  @Test
  void refusesAMergeRequestOfTheWrongShape() {
    String id = register();
    refused(
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("duplicateId", 7))
            .when()
            .post("/customers/{id}/merge", id)
            .then(),
        "duplicateId");
  }
}
