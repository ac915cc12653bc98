package io.outsidein.customer;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Small builders for customer test data: every test makes its own, with unique values. */
final class Fixtures {
  static final String MERGE_PATCH = "application/merge-patch+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static String uniqueEmail() {
    return "c-" + UUID.randomUUID() + "@example.com";
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A valid profile with a unique name and email, to adjust per test. */
  static Map<String, Object> profile() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("displayName", "Test " + unique());
    body.put("email", uniqueEmail());
    return body;
  }

  static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    body.put(field, value);
    return body;
  }

  static String register(Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .body(json(body))
        .when()
        .post("/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String register() {
    return register(profile());
  }

  static String etagOf(String id) {
    return given().get("/customers/{id}", id).then().statusCode(200).extract().header("ETag");
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
