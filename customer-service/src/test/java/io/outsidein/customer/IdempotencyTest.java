package io.outsidein.customer;

import static io.outsidein.customer.Fixtures.json;
import static io.outsidein.customer.Fixtures.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /customers: a retry replays the first response, never a second one. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IdempotencyTest {

  private static Response post(String key, String body) {
    return given()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .post("/customers");
  }

  @Test
  void replaysTheFirstResponseForTheSameKeyAndBody() {
    String key = "k-" + UUID.randomUUID();
    String body = json(profile());

    Response first = post(key, body);
    Response retry = post(key, body);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.<String>path("id")).isEqualTo(first.<String>path("id"));
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void refusesTheSameKeyWithAnotherBody() {
    String key = "k-" + UUID.randomUUID();
    post(key, json(profile())).then().statusCode(201);

    post(key, json(profile()))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("status", equalTo(422));
  }

  @Test
  void doesNotKeepTheKeyOfAFailedCreate() {
    String key = "k-" + UUID.randomUUID();
    Map<String, Object> invalid = profile();
    invalid.put("phone", "12");
    // A validation failure never reaches the key; a failed create inside it rolls the key back.
    post(key, json(invalid)).then().statusCode(400);
    Map<String, Object> taken = profile();
    String holder = Fixtures.register(Map.of("displayName", "Holder", "email", taken.get("email")));
    post(key, json(taken)).then().statusCode(409).body("existingId", equalTo(holder));

    post(key, json(profile())).then().statusCode(201);
  }

  @Test
  void refusesAMalformedKey() {
    post("with space", json(profile())).then().statusCode(400);
  }
}
