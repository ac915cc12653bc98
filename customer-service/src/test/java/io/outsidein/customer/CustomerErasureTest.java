package io.outsidein.customer;

import static io.outsidein.customer.Fixtures.MERGE_PATCH;
import static io.outsidein.customer.Fixtures.json;
import static io.outsidein.customer.Fixtures.profile;
import static io.outsidein.customer.Fixtures.register;
import static io.outsidein.customer.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.testing.FailedStatements;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** DELETE /customers/{id}: personal data gone from the table itself, and nothing else breaks. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomerErasureTest {
  @Inject EntityManager entityManager;
  @Inject DataSource dataSource;

  @Test
  void aFailedStatementKeepsThePersonalDataItCarriedOutOfItsMessage() {
    // Logs outlive an erasure: a unique-key race on an email must not write the email into them.
    String email = "ada-" + UUID.randomUUID() + "@example.com";

    assertThat(FailedStatements.messagesOfADuplicateInsert(dataSource, email))
        .contains("duplicate key value violates unique constraint")
        .doesNotContain(email);
  }

  private Object[] row(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (Object[])
                    entityManager
                        .createNativeQuery(
                            "SELECT display_name, email, phone, locale, CAST(attributes AS text),"
                                + " status FROM customer WHERE id = :id")
                        .setParameter("id", UUID.fromString(id))
                        .getSingleResult());
  }

  private long count(String sql, String parameter) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(sql)
                            .setParameter("p", parameter)
                            .getSingleResult())
                    .longValue());
  }

  private String fullProfile(String email, String ref) {
    Map<String, Object> body = profile();
    body.put("email", email);
    body.put("phone", "+441632960961");
    body.put("locale", "en-GB");
    body.put("externalRefs", Map.of("crm", ref));
    body.put("attributes", Map.of("tier", "gold"));
    return json(body);
  }

  @Test
  void wipesThePersonalDataInTheRowItself() {
    String ref = "C-" + unique();
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(fullProfile(Fixtures.uniqueEmail(), ref))
            .post("/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    given().when().delete("/customers/{id}", id).then().statusCode(204);

    assertThat(row(id)).containsExactly(null, null, null, null, null, "ERASED");
    assertThat(
            count(
                "SELECT count(*) FROM customer_external_ref WHERE customer_id = CAST(:p AS uuid)",
                id))
        .isZero();
    assertThat(count("SELECT count(*) FROM customer_external_ref WHERE external_id = :p", ref))
        .isZero();
  }

  @Test
  void answers410ForAnErasedCustomerAndRefusesToPatchIt() {
    String id = register();
    given().delete("/customers/{id}", id).then().statusCode(204);

    given()
        .get("/customers/{id}", id)
        .then()
        .statusCode(410)
        .contentType("application/problem+json");
    given()
        .contentType(MERGE_PATCH)
        .header("If-Match", "\"1\"")
        .body("{\"displayName\":\"Back\"}")
        .patch("/customers/{id}", id)
        .then()
        .statusCode(410);
  }

  @Test
  void answers204AgainWhenErasingTwice() {
    String id = register();
    given().delete("/customers/{id}", id).then().statusCode(204);
    given().delete("/customers/{id}", id).then().statusCode(204);
  }

  @Test
  void erasesForACallerThatAcceptsOnlyProblems() {
    String id = register();
    given().accept("application/problem+json").delete("/customers/{id}", id).then().statusCode(204);
  }

  @Test
  void answers404WhenErasingAnUnknownCustomer() {
    given().delete("/customers/{id}", UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void letsANewCustomerRegisterWithAnErasedEmailAndExternalReference() {
    String email = Fixtures.uniqueEmail();
    String ref = "C-" + unique();
    String first =
        given()
            .contentType(ContentType.JSON)
            .body(fullProfile(email, ref))
            .post("/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given().delete("/customers/{id}", first).then().statusCode(204);

    given()
        .contentType(ContentType.JSON)
        .body(fullProfile(email, ref))
        .post("/customers")
        .then()
        .statusCode(201);
  }

  @Test
  void forgetsTheStoredIdempotentResponseThatHoldsThePersonalData() {
    String email = Fixtures.uniqueEmail();
    String key = "erase-" + UUID.randomUUID();
    String id =
        given()
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", key)
            .body(fullProfile(email, "C-" + unique()))
            .post("/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertThat(count("SELECT count(*) FROM idempotency_key WHERE idempotency_key = :p", key))
        .isOne();

    given().delete("/customers/{id}", id).then().statusCode(204);

    assertThat(
            count("SELECT count(*) FROM idempotency_key WHERE body LIKE '%' || :p || '%'", email))
        .isZero();
  }
}
