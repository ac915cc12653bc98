package io.outsidein.customer;

import static io.outsidein.customer.Fixtures.profile;
import static io.outsidein.customer.Fixtures.register;
import static io.outsidein.customer.Fixtures.unique;
import static io.outsidein.customer.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** GET /customers: filters, keyset pages and the checks on its parameters. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomerSearchTest {

  private static List<String> walk(Map<String, Object> query) {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParams(query);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/customers").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.id"));
      cursor = page.getString("next");
      pages++;
    } while (cursor != null && pages < 20);
    return seen;
  }

  @Test
  void walksASegmentPageByPageWithTheCursor() {
    String segment = "seg-" + unique();
    List<String> ids =
        IntStream.range(0, 5).mapToObj(i -> register(with(profile(), "segment", segment))).toList();

    List<String> seen = walk(Map.of("segment", segment, "limit", 2));

    assertThat(seen).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    assertThat(seen).isSorted();
  }

  @Test
  void findsByTheStartOfTheNameIgnoringCaseInNameOrder() {
    String stem = "Qz" + unique();
    String beta = register(with(profile(), "displayName", stem + " Beta"));
    String alpha = register(with(profile(), "displayName", stem.toUpperCase() + " alpha"));
    String gamma = register(with(profile(), "displayName", stem + " gamma"));
    register(with(profile(), "displayName", "Other " + stem));

    assertThat(walk(Map.of("q", stem.toLowerCase(), "limit", 1)))
        .containsExactly(alpha, beta, gamma);
  }

  @Test
  void treatsLikeWildcardsInTheNamePrefixAsText() {
    String stem = "Pct" + unique();
    String literal = register(with(profile(), "displayName", stem + "%_x"));
    register(with(profile(), "displayName", stem + "ab"));

    given()
        .queryParam("q", stem + "%_")
        .get("/customers")
        .then()
        .statusCode(200)
        .body("items.id", contains(literal));
  }

  @Test
  void findsByEmailIgnoringCaseAndByExternalReference() {
    Map<String, Object> body = profile();
    String email = (String) body.get("email");
    String ref = "C-" + unique();
    body.put("externalRefs", Map.of("crm", ref));
    String id = register(body);

    given()
        .queryParam("email", email.toUpperCase())
        .get("/customers")
        .then()
        .statusCode(200)
        .body("items.id", contains(id))
        .body("next", nullValue());
    given()
        .queryParam("externalRef", "crm:" + ref)
        .get("/customers")
        .then()
        .statusCode(200)
        .body("items.id", contains(id));
  }

  @Test
  void combinesFilters() {
    String segment = "seg-" + unique();
    String stem = "Cmb" + unique();
    String both = register(with(with(profile(), "segment", segment), "displayName", stem + " A"));
    register(with(profile(), "displayName", stem + " B"));
    register(with(profile(), "segment", segment));

    given()
        .queryParam("segment", segment)
        .queryParam("q", stem)
        .get("/customers")
        .then()
        .statusCode(200)
        .body("items.id", contains(both));
  }

  @Test
  void refusesALimitAbove200() {
    given()
        .queryParam("limit", 201)
        .get("/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("limit"));
    given().queryParam("limit", "ten").get("/customers").then().statusCode(400);
    given().queryParam("limit", 0).get("/customers").then().statusCode(400);
  }

  @Test
  void refusesACorruptCursor() {
    given()
        .queryParam("cursor", "not-a-cursor!")
        .get("/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"));
    String wellEncodedGarbage = Base64.getUrlEncoder().encodeToString("hello world".getBytes());
    given().queryParam("cursor", wellEncodedGarbage).get("/customers").then().statusCode(400);
  }

  @Test
  void refusesACursorOfAnotherKindOfSearch() {
    String segment = "seg-" + unique();
    register(with(profile(), "segment", segment));
    register(with(profile(), "segment", segment));
    String next =
        given()
            .queryParam("segment", segment)
            .queryParam("limit", 1)
            .get("/customers")
            .then()
            .extract()
            .path("next");

    given()
        .queryParam("q", "a")
        .queryParam("cursor", next)
        .get("/customers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void refusesAMalformedExternalReference() {
    given()
        .queryParam("externalRef", "no-colon")
        .get("/customers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("externalRef"));
  }
}
