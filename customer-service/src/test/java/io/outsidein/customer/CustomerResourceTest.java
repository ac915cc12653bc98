package io.outsidein.customer;

import static io.outsidein.customer.Fixtures.json;
import static io.outsidein.customer.Fixtures.profile;
import static io.outsidein.customer.Fixtures.register;
import static io.outsidein.customer.Fixtures.unique;
import static io.outsidein.customer.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomerResourceTest {

  static String uniqueEmail() {
    return "c-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void registersACustomerWithLocationAndEtag() {
    String email = uniqueEmail();
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"displayName\":\"Ada\",\"email\":\""
                    + email.toUpperCase()
                    + "\",\"segment\":\"smb\"}")
            .when()
            .post("/customers")
            .then()
            .statusCode(201)
            .header("Location", matchesPattern(".*/customers/[0-9a-f-]{36}$"))
            .header("ETag", equalTo("\"0\""))
            .body("email", equalTo(email))
            .body("segment", equalTo("smb"))
            .body("status", equalTo("ACTIVE"))
            .extract()
            .path("id");

    given()
        .when()
        .get("/customers/{id}", id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"0\""))
        .body("displayName", equalTo("Ada"));
  }

  @Test
  void putsACustomerWithoutSegmentInTheGeneralSegment() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\"Grace\"}")
        .when()
        .post("/customers")
        .then()
        .statusCode(201)
        .body("segment", equalTo("general"));
  }

  @Test
  void answers404ProblemForAnUnknownCustomer() {
    given()
        .when()
        .get("/customers/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void answers400NamingTheIdForAMalformedOne() {
    given()
        .when()
        .get("/customers/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("id"));
  }

  @Test
  void refusesAMissingDisplayNameNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + uniqueEmail() + "\"}")
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("displayName"));
  }

  @Test
  void refusesABadEmailNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\"Ada\",\"email\":\"not-an-email\"}")
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("email"));
  }

  @Test
  void refusesMalformedJsonWithoutParserInternals() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"displayName\":")
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Malformed JSON"))
        .body(not(containsString("jackson")))
        .body(not(containsString("at io.")));
  }

  @Test
  void refusesAnUnknownFieldNamingIt() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\"Ada\",\"nickname\":\"A\"}")
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("nickname"))
        .body("errors[0].message", equalTo("unknown field"));
  }

  @Test
  void refusesAWrongTypeNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"displayName\":[\"Ada\"]}")
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("displayName"));
  }

  @Test
  void answers409WithTheExistingIdForAnEmailAlreadyHeld() {
    String email = uniqueEmail();
    String first =
        given()
            .contentType(ContentType.JSON)
            .body("{\"displayName\":\"Ada\",\"email\":\"" + email + "\"}")
            .post("/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    given()
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\"Other Ada\",\"email\":\"" + email + "\"}")
        .when()
        .post("/customers")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("existingId", equalTo(first));
  }

  @Test
  void registersAFullProfileAndReadsItBack() {
    String ref = "C-" + unique();
    Map<String, Object> body = profile();
    body.put("phone", "+441632960961");
    body.put("locale", "en-gb");
    body.put("segment", "enterprise");
    body.put("consents", Map.of("marketing", true));
    body.put("externalRefs", Map.of("crm", ref));
    body.put("attributes", Map.of("tier", "gold", "employees", 12, "vip", true));
    String id = register(body);

    given()
        .when()
        .get("/customers/{id}", id)
        .then()
        .statusCode(200)
        .body("phone", equalTo("+441632960961"))
        .body("locale", equalTo("en-GB"))
        .body("segment", equalTo("enterprise"))
        .body("consents.marketing", equalTo(true))
        .body("consents.analytics", equalTo(false))
        .body("externalRefs.crm", equalTo(ref))
        .body("attributes.tier", equalTo("gold"))
        .body("attributes.employees", equalTo(12))
        .body("attributes.vip", equalTo(true))
        .body("$", not(org.hamcrest.Matchers.hasKey("mergedInto")));
  }

  @Test
  void defaultsBothConsentsToFalse() {
    given()
        .contentType(ContentType.JSON)
        .body(json(profile()))
        .when()
        .post("/customers")
        .then()
        .statusCode(201)
        .body("consents.marketing", equalTo(false))
        .body("consents.analytics", equalTo(false));
  }

  @Test
  void answers409WithTheExistingIdForAnExternalReferenceAlreadyHeld() {
    String ref = "C-" + unique();
    String first = register(with(profile(), "externalRefs", Map.of("crm", ref)));

    given()
        .contentType(ContentType.JSON)
        .body(json(with(profile(), "externalRefs", Map.of("crm", ref))))
        .when()
        .post("/customers")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("existingId", equalTo(first))
        .body("field", equalTo("externalRefs.crm"));
  }

  @Test
  void acceptsTheSameExternalIdInAnotherSystem() {
    String ref = "C-" + unique();
    register(with(profile(), "externalRefs", Map.of("crm", ref)));
    register(with(profile(), "externalRefs", Map.of("billing", ref)));
  }

  @Test
  void refusesEachInvalidFieldNamingIt() {
    Map<String, Object> body = profile();
    body.put("phone", "01632 960961");
    body.put("locale", "not a locale!");
    body.put("segment", "Big Accounts");
    body.put("displayName", "x".repeat(201));
    given()
        .contentType(ContentType.JSON)
        .body(json(body))
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            org.hamcrest.Matchers.hasItems("phone", "locale", "segment", "displayName"));
  }

  @Test
  void refusesAConsentThatIsNotABooleanNamingIt() {
    given()
        .contentType(ContentType.JSON)
        .body(json(with(profile(), "consents", Map.of("marketing", "maybe"))))
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("consents.marketing"));
  }

  @Test
  void refusesAnAttributeThatIsNotAScalar() {
    given()
        .contentType(ContentType.JSON)
        .body(json(with(profile(), "attributes", Map.of("address", Map.of("city", "Leeds")))))
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("attributes.address"));
  }

  @Test
  void refusesMoreThanFiftyAttributes() {
    Map<String, Object> attributes = new HashMap<>();
    IntStream.range(0, 51).forEach(i -> attributes.put("a" + i, i));
    given()
        .contentType(ContentType.JSON)
        .body(json(with(profile(), "attributes", attributes)))
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("attributes"));
  }

  @Test
  void refusesABlankExternalIdAndABadSystemName() {
    given()
        .contentType(ContentType.JSON)
        .body(json(with(profile(), "externalRefs", Map.of("crm", " ", "Bad System", "1"))))
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            org.hamcrest.Matchers.hasItems("externalRefs.crm", "externalRefs.Bad System"));
  }

  @Test
  void refusesAWrongTypeInsideAMapNamingIt() {
    given()
        .contentType(ContentType.JSON)
        .body(json(with(profile(), "externalRefs", List.of("crm"))))
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("externalRefs"));
  }

  @Test
  void refusesABodyThatIsNotAnObject() {
    given()
        .contentType(ContentType.JSON)
        .body("[1, 2]")
        .when()
        .post("/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
