package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.grant;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.Topics;
import io.outsidein.events.interaction.ActionCode;
import io.outsidein.events.interaction.ActionTaken;
import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.EventProbe;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ActionResourceTest {

  private static ValidatableResponse act(UUID customer, Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Actor", "agent-desk")
        .body(body)
        .when()
        .post("/customers/{id}/actions", customer)
        .then();
  }

  private static Map<String, Object> action(String code, String caseId, String note) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    if (caseId != null) {
      body.put("caseId", caseId);
    }
    if (note != null) {
      body.put("note", note);
    }
    return body;
  }

  @Test
  void recordsAnActionWithItsActorAndTimeAndListsThemNewestFirst() {
    UUID customer = Customers.active();
    String caseId = openCase(customer, "SUPPORT");
    act(customer, action("ASSIGN_SINGLE_OWNER", caseId, "Anna owns it now"))
        .statusCode(201)
        .body("id", notNullValue())
        .body("customerId", equalTo(customer.toString()))
        .body("code", equalTo("ASSIGN_SINGLE_OWNER"))
        .body("caseId", equalTo(caseId))
        .body("note", equalTo("Anna owns it now"))
        .body("takenBy", equalTo("agent-desk"))
        .body("takenAt", notNullValue());
    String second =
        act(customer, action("PROACTIVE_OUTREACH", null, null))
            .statusCode(201)
            .body("caseId", nullValue())
            .extract()
            .path("id");
    String third =
        act(customer, action("ASK_FOR_FEEDBACK", null, null)).statusCode(201).extract().path("id");

    String next =
        given()
            .queryParam("limit", 2)
            .get("/customers/{id}/actions", customer)
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .body("items[0].id", equalTo(third))
            .body("items[1].id", equalTo(second))
            .body("next", notNullValue())
            .extract()
            .path("next");
    given()
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .get("/customers/{id}/actions", customer)
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].code", equalTo("ASSIGN_SINGLE_OWNER"))
        .body("next", nullValue());
  }

  @Test
  void refusesAnUnknownCodeACaseOfAnotherCustomerAnUnknownCaseAndAnUnknownCustomer() {
    UUID customer = Customers.active();
    act(customer, action("SEND_FLOWERS", null, null))
        .statusCode(400)
        .contentType("application/problem+json");
    act(customer, Map.of())
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", containsString("code"));
    String othersCase = openCase(Customers.active(), "SUPPORT");
    act(customer, action("ASSIGN_SINGLE_OWNER", othersCase, null))
        .statusCode(422)
        .body("detail", containsString("belongs to another customer"));
    act(customer, action("ASSIGN_SINGLE_OWNER", UUID.randomUUID().toString(), null))
        .statusCode(422)
        .body("detail", containsString("does not exist"));
    act(Customers.erased(), action("PROACTIVE_OUTREACH", null, null)).statusCode(422);
    given()
        .get("/customers/{id}/actions", customer)
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    given()
        .queryParam("limit", 201)
        .get("/customers/{id}/actions", customer)
        .then()
        .statusCode(400);
    given()
        .queryParam("cursor", "nope")
        .get("/customers/{id}/actions", customer)
        .then()
        .statusCode(400);
  }

  @Test
  void anApprovedGestureRecordsAGoodwillActionByItselfAndAPendingOneDoesNot() {
    UUID customer = Customers.active();
    String caseId = openCase(customer, "SUPPORT");
    String atOnce = grant(caseId, "10.00", "agent-desk");
    String pending = grant(caseId, "40.00", "agent-desk");
    given()
        .get("/customers/{id}/actions", customer)
        .then()
        .body("items", hasSize(1))
        .body("items[0].code", equalTo("GOODWILL_GESTURE"))
        .body("items[0].gestureId", equalTo(atOnce))
        .body("items[0].caseId", equalTo(caseId))
        .body("items[0].takenBy", equalTo("agent-desk"));

    given()
        .contentType(ContentType.JSON)
        .header("X-Actor", "supervisor-desk")
        .body(Map.of("approve", true))
        .post("/gestures/{id}/decision", pending)
        .then()
        .statusCode(200);
    given()
        .get("/customers/{id}/actions", customer)
        .then()
        .body("items", hasSize(2))
        .body("items[0].gestureId", equalTo(pending))
        .body("items[0].takenBy", equalTo("supervisor-desk"));

    String rejected = grant(caseId, "45.00", "agent-desk");
    given()
        .contentType(ContentType.JSON)
        .header("X-Actor", "supervisor-desk")
        .body(Map.of("approve", false))
        .post("/gestures/{id}/decision", rejected)
        .then()
        .statusCode(200);
    given().get("/customers/{id}/actions", customer).then().body("items", hasSize(2));
  }

  @Test
  void publishesActionTakenWithoutTheNote() {
    UUID customer = Customers.active();
    String caseId = openCase(customer, "SUPPORT");
    String id =
        act(customer, action("ASSIGN_SINGLE_OWNER", caseId, "Secret-note-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    try (EventProbe probe =
        EventProbe.on(
            TestInfrastructure.shared().broker().bootstrapServers(), Topics.INTERACTION_EVENTS)) {
      CloudEvent event =
          probe.await(
              e ->
                  EventType.ACTION_TAKEN.typeName().equals(e.type())
                      && id.equals(e.data().path("actionId").asText()),
              Duration.ofSeconds(30));
      assertThat(event.subject()).isEqualTo(customer.toString());
      ActionTaken data = EventCodec.data(event, ActionTaken.class);
      assertThat(data.code()).isEqualTo(ActionCode.ASSIGN_SINGLE_OWNER);
      assertThat(data.caseId()).hasToString(caseId);
      assertThat(data.actor()).isEqualTo("agent-desk");
      assertThat(data.takenAt()).isNotNull();
      assertThat(EventCodec.writeString(event))
          .doesNotContain("Secret-note")
          .doesNotContain("note");
    }
  }
}
