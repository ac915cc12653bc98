package io.outsidein.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = true)
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
  void answers404NotAServerErrorForAMalformedId() {
    given()
        .when()
        .get("/customers/not-a-uuid")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
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
}
