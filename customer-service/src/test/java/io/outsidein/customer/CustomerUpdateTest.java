package io.outsidein.customer;

import static io.outsidein.customer.Fixtures.MERGE_PATCH;
import static io.outsidein.customer.Fixtures.etagOf;
import static io.outsidein.customer.Fixtures.json;
import static io.outsidein.customer.Fixtures.profile;
import static io.outsidein.customer.Fixtures.register;
import static io.outsidein.customer.Fixtures.uniqueEmail;
import static io.outsidein.customer.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** PATCH with JSON Merge Patch and If-Match: the ETag flow, validation and lost-update safety. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomerUpdateTest {

  private static Response patch(String id, String etag, String body) {
    var request = given().contentType(MERGE_PATCH).body(body);
    if (etag != null) {
      request.header("If-Match", etag);
    }
    return request.when().patch("/customers/{id}", id);
  }

  @Test
  void updatesWithTheCurrentEtagAndAnswersTheNewOne() {
    String id = register();
    String etag = etagOf(id);

    String newEtag =
        patch(id, etag, "{\"displayName\":\"Renamed\",\"segment\":\"enterprise\"}")
            .then()
            .statusCode(200)
            .body("displayName", equalTo("Renamed"))
            .body("segment", equalTo("enterprise"))
            .extract()
            .header("ETag");

    assertThat(newEtag).isNotEqualTo(etag);
    given().get("/customers/{id}", id).then().header("ETag", equalTo(newEtag));
  }

  @Test
  void keepsTheEtagForAPatchThatChangesNothing() {
    Map<String, Object> body = profile();
    String id = register(body);
    String etag = etagOf(id);

    patch(id, etag, json(Map.of("displayName", body.get("displayName"))))
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag));
  }

  @Test
  void answers412ForAStaleEtag() {
    String id = register();
    String etag = etagOf(id);
    patch(id, etag, "{\"displayName\":\"First\"}").then().statusCode(200);

    patch(id, etag, "{\"displayName\":\"Second\"}")
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    given().get("/customers/{id}", id).then().body("displayName", equalTo("First"));
  }

  @Test
  void answers428WithoutIfMatch() {
    String id = register();
    patch(id, null, "{\"displayName\":\"No precondition\"}")
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
  }

  @Test
  void answers412ForAnIfMatchThatIsNotOneOfOurEtags() {
    String id = register();
    patch(id, "W/\"0\"", "{\"displayName\":\"Weak\"}").then().statusCode(412);
  }

  @Test
  void removesAnOptionalFieldPatchedToNullAndMergesNestedObjects() {
    Map<String, Object> body = profile();
    body.put("phone", "+441632960961");
    body.put("consents", Map.of("marketing", true));
    body.put("attributes", Map.of("tier", "gold", "plan", "pro"));
    String id = register(body);

    patch(
            id,
            etagOf(id),
            "{\"phone\":null,\"consents\":{\"analytics\":true},"
                + "\"attributes\":{\"tier\":null,\"seats\":5}}")
        .then()
        .statusCode(200)
        .body("phone", nullValue())
        .body("consents.marketing", equalTo(true))
        .body("consents.analytics", equalTo(true))
        .body("attributes", not(hasKey("tier")))
        .body("attributes.plan", equalTo("pro"))
        .body("attributes.seats", equalTo(5));
  }

  @Test
  void refusesToRemoveTheDisplayName() {
    String id = register();
    patch(id, etagOf(id), "{\"displayName\":null}")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("displayName"));
  }

  @Test
  void validatesPatchedFieldsLikeACreate() {
    String id = register();
    patch(id, etagOf(id), "{\"email\":\"nope\",\"phone\":\"123\",\"segment\":\"UPPER\"}")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.hasItems("email", "phone", "segment"));
  }

  @Test
  void refusesAnUnknownFieldAndAWrongTypeInAPatchNamingThem() {
    String id = register();
    String etag = etagOf(id);
    patch(id, etag, "{\"nickname\":\"A\"}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("nickname"));
    patch(id, etag, "{\"consents\":{\"marketing\":\"perhaps\"}}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("consents.marketing"));
    patch(id, etag, "[]").then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void refusesPlainJsonAsAMergePatch() {
    String id = register();
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", etagOf(id))
        .body("{\"displayName\":\"Plain\"}")
        .when()
        .patch("/customers/{id}", id)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void answers409ForAnEmailHeldByAnotherCustomer() {
    String email = uniqueEmail();
    String holder = register(with(profile(), "email", email));
    String id = register();
    patch(id, etagOf(id), "{\"email\":\"" + email + "\"}")
        .then()
        .statusCode(409)
        .body("existingId", equalTo(holder));
  }

  @Test
  void answers404ForAnUnknownCustomer() {
    patch(java.util.UUID.randomUUID().toString(), "\"0\"", "{\"displayName\":\"X\"}")
        .then()
        .statusCode(404);
  }

  @Test
  void letsExactlyOneOfTwentyConcurrentPatchesWithTheSameEtagWin() throws Exception {
    String id = register();
    String etag = etagOf(id);
    int writers = 20;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Integer>> statuses = new ArrayList<>();
    try {
      for (int i = 0; i < writers; i++) {
        String name = "Writer " + i;
        statuses.add(
            pool.submit(
                () -> {
                  start.await();
                  return patch(id, etag, json(Map.of("displayName", name))).statusCode();
                }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        codes.add(status.get());
      }
      assertThat(codes).containsOnly(200, 412);
      assertThat(codes).filteredOn(code -> code == 200).hasSize(1);
    } finally {
      pool.shutdownNow();
    }

    // The one winner's change is the one stored, on exactly one new version.
    Response current = given().get("/customers/{id}", id);
    assertThat(current.header("ETag")).isEqualTo("\"1\"");
    assertThat(current.<String>path("displayName")).startsWith("Writer ");
  }
}
