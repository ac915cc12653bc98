package io.outsidein.interaction.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Fixture builders for request bodies and the common calls. */
public final class Requests {
  private Requests() {}

  /** A valid touchpoint of this customer; tests change what they are about. */
  public static Map<String, Object> interaction(UUID customerId) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customerId.toString());
    body.put("channel", "PHONE");
    body.put("department", "SUPPORT");
    body.put("type", "COMPLAINT");
    body.put("summary", "Parcel arrived damaged");
    return body;
  }

  public static String record(Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String openCase(UUID customerId, String department) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "customerId",
                customerId.toString(),
                "subject",
                "Damaged parcel",
                "department",
                department))
        .when()
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String grant(String caseId, String amount, String actor) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Actor", actor)
        .body(Map.of("amount", Map.of("value", amount, "currency", "EUR"), "reason", "sorry"))
        .when()
        .post("/cases/{id}/gestures", caseId)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
