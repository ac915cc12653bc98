package io.outsidein.customer;

import static io.outsidein.customer.Fixtures.profile;
import static io.outsidein.customer.Fixtures.register;
import static io.outsidein.customer.Fixtures.unique;
import static io.outsidein.customer.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /customers/{id}/merge: what moves, what the duplicate becomes, and what is refused. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomerMergeTest {

  private static ValidatableResponse merge(Object survivor, Object duplicate) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"duplicateId\":\"" + duplicate + "\"}")
        .when()
        .post("/customers/{id}/merge", survivor)
        .then();
  }

  @Test
  void movesReferencesAndMissingFieldsToTheSurvivorAndMarksTheDuplicateMerged() {
    String ref = "C-" + unique();
    Map<String, Object> survivorBody = profile();
    survivorBody.remove("email");
    survivorBody.put("externalRefs", Map.of("billing", "B-" + unique()));
    survivorBody.put("attributes", Map.of("tier", "gold"));
    String survivor = register(survivorBody);
    Map<String, Object> duplicateBody = profile();
    String email = (String) duplicateBody.get("email");
    duplicateBody.put("phone", "+441632960961");
    duplicateBody.put("externalRefs", Map.of("crm", ref));
    duplicateBody.put("attributes", Map.of("tier", "silver", "seats", 3));
    String duplicate = register(duplicateBody);

    merge(survivor, duplicate)
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("id", equalTo(survivor))
        .body("status", equalTo("ACTIVE"))
        .body("email", equalTo(email))
        .body("phone", equalTo("+441632960961"))
        .body("externalRefs.crm", equalTo(ref))
        .body("attributes.tier", equalTo("gold"))
        .body("attributes.seats", equalTo(3));

    given()
        .get("/customers/{id}", duplicate)
        .then()
        .statusCode(200)
        .body("status", equalTo("MERGED"))
        .body("mergedInto", equalTo(survivor))
        .body("email", nullValue())
        .body("externalRefs.crm", nullValue());
    given()
        .queryParam("externalRef", "crm:" + ref)
        .get("/customers")
        .then()
        .body("items.id", contains(survivor));
  }

  @Test
  void refusesToMergeACustomerIntoItself() {
    String id = register();
    merge(id, id).statusCode(409).contentType("application/problem+json");
  }

  @Test
  void refusesToMergeFromOrIntoAMergedCustomer() {
    String survivor = register();
    String duplicate = register();
    String third = register();
    merge(survivor, duplicate).statusCode(200);

    merge(third, duplicate).statusCode(409).body("customerStatus", equalTo("MERGED"));
    merge(duplicate, third).statusCode(409);
  }

  @Test
  void refusesToMergeFromOrIntoAnErasedCustomer() {
    String erased = register();
    String other = register();
    given().delete("/customers/{id}", erased).then().statusCode(204);

    merge(other, erased).statusCode(409).body("customerStatus", equalTo("ERASED"));
    merge(erased, other).statusCode(409);
  }

  @Test
  void answers404ForAnUnknownSurvivorOrDuplicate() {
    String id = register();
    merge(id, UUID.randomUUID()).statusCode(404);
    merge(UUID.randomUUID(), id).statusCode(404);
  }

  @Test
  void refusesAMissingOrMalformedDuplicateIdNamingIt() {
    String id = register();
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/customers/{id}/merge", id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("duplicateId"));
    merge(id, "not-a-uuid").statusCode(400).body("errors[0].field", equalTo("duplicateId"));
  }

  @Test
  void freesTheDuplicateEmailForTheSurvivorOnly() {
    String email = Fixtures.uniqueEmail();
    Map<String, Object> survivorBody = profile();
    survivorBody.remove("email");
    String survivor = register(survivorBody);
    String duplicate = register(with(profile(), "email", email));
    merge(survivor, duplicate).statusCode(200);

    given()
        .contentType(ContentType.JSON)
        .body(Fixtures.json(with(profile(), "email", email)))
        .post("/customers")
        .then()
        .statusCode(409)
        .body("existingId", equalTo(survivor));
  }
}
