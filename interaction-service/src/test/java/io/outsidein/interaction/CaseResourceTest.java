package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.grant;
import static io.outsidein.interaction.support.Requests.interaction;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.outsidein.interaction.support.Requests.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseResourceTest {

  private static void handOff(String caseId, String to) {
    given()
        .contentType(ContentType.JSON)
        .header("X-Actor", "agent-desk")
        .body(Map.of("toDepartment", to, "note", "needs " + to))
        .when()
        .post("/cases/{id}/handoffs", caseId)
        .then()
        .statusCode(200);
  }

  @Test
  void opensACaseOpenOwnedByItsDepartment() {
    UUID customer = Customers.active();
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "customerId",
                customer.toString(),
                "subject",
                "Late parcel",
                "department",
                "DELIVERY"))
        .when()
        .post("/cases")
        .then()
        .statusCode(201)
        .header("Location", matchesPattern(".*/cases/[0-9a-f-]{36}$"))
        .body("status", equalTo("OPEN"))
        .body("department", equalTo("DELIVERY"))
        .body("departments", equalTo(List.of("DELIVERY")))
        .body("contactCount", equalTo(0))
        .body("openedAt", notNullValue())
        .body("resolvedAt", nullValue());
  }

  @Test
  void followsACaseAcrossDepartmentsToItsResolution() {
    UUID customer = Customers.active();
    String caseId = openCase(customer, "SUPPORT");
    handOff(caseId, "DELIVERY");
    handOff(caseId, "BILLING");
    handOff(caseId, "SUPPORT");
    Map<String, Object> call = interaction(customer);
    call.put("caseId", caseId);
    record(call);
    record(call);

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("resolution", "Refund of the shipping cost"))
        .when()
        .post("/cases/{id}/resolution", caseId)
        .then()
        .statusCode(200)
        .body("status", equalTo("RESOLVED"))
        .body("resolvedAt", notNullValue());

    given()
        .when()
        .get("/cases/{id}", caseId)
        .then()
        .statusCode(200)
        .body("departments", equalTo(List.of("SUPPORT", "DELIVERY", "BILLING")))
        .body("handoffs.from", equalTo(List.of("SUPPORT", "DELIVERY", "BILLING")))
        .body("handoffs.to", equalTo(List.of("DELIVERY", "BILLING", "SUPPORT")))
        .body("handoffs[0].handedOffBy", equalTo("agent-desk"))
        .body("handoffs[0].note", equalTo("needs DELIVERY"))
        .body("currentDepartment", equalTo("SUPPORT"))
        .body("contactCount", equalTo(2))
        .body("resolution", equalTo("Refund of the shipping cost"));
  }

  @Test
  void refusesEveryActionOnAResolvedCaseWith409() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("resolution", "done"))
        .post("/cases/{id}/resolution", caseId)
        .then()
        .statusCode(200);

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("resolution", "again"))
        .when()
        .post("/cases/{id}/resolution", caseId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        // The problem's own status stays the HTTP status; the case's is a member of its own.
        .body("status", org.hamcrest.Matchers.equalTo(409))
        .body("caseStatus", org.hamcrest.Matchers.equalTo("RESOLVED"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("toDepartment", "BILLING"))
        .when()
        .post("/cases/{id}/handoffs", caseId)
        .then()
        .statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("amount", Map.of("value", "5.00", "currency", "EUR"), "reason", "late"))
        .when()
        .post("/cases/{id}/gestures", caseId)
        .then()
        .statusCode(409);
  }

  @Test
  void refusesAHandoffToTheDepartmentThatHasTheCase() {
    String caseId = openCase(Customers.active(), "SUPPORT");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("toDepartment", "SUPPORT"))
        .when()
        .post("/cases/{id}/handoffs", caseId)
        .then()
        .statusCode(422);
  }

  @Test
  void refusesACaseForAnUnknownOrErasedCustomerWith422() {
    for (UUID customer : List.of(UUID.randomUUID(), Customers.erased())) {
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("customerId", customer.toString(), "subject", "x", "department", "SALES"))
          .when()
          .post("/cases")
          .then()
          .statusCode(422);
    }
  }

  @Test
  void refusesAnInvalidCaseNamingTheFields() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("subject", " ", "department", "LEGAL"))
        .when()
        .post("/cases")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("department"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("subject", " ", "department", "SALES"))
        .when()
        .post("/cases")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("customerId"))
        .body("errors.field", hasItem("subject"));
  }

  @Test
  void answers404ForAnUnknownCase() {
    UUID unknown = UUID.randomUUID();
    given().get("/cases/{id}", unknown).then().statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("toDepartment", "BILLING"))
        .post("/cases/{id}/handoffs", unknown)
        .then()
        .statusCode(404);
  }

  @Test
  void listsACustomersCasesByStatus() {
    UUID customer = Customers.active();
    String open = openCase(customer, "SUPPORT");
    String resolved = openCase(customer, "SALES");
    grant(open, "1.00", "agent");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("resolution", "done"))
        .post("/cases/{id}/resolution", resolved)
        .then()
        .statusCode(200);

    given()
        .queryParam("status", "OPEN")
        .when()
        .get("/customers/{id}/cases", customer)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(open)))
        .body("next", nullValue());
    given()
        .when()
        .get("/customers/{id}/cases", customer)
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(resolved, open)));
    given()
        .queryParam("status", "CLOSED")
        .get("/customers/{id}/cases", customer)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("status"));
  }
}
