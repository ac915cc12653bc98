package io.outsidein.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.Topics;
import io.outsidein.launcher.Suite;
import io.outsidein.testing.EventProbe;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public API over the real processes: request id into events, a journey that degrades. */
class GatewayJourneyIT {
  private static final String AGENT = "Bearer local-agent-key";
  private static Suite suite;

  @BeforeAll
  static void startSuite() {
    suite = RunningSuite.start();
  }

  @AfterAll
  static void stopSuite() {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void carriesTheCallersRequestIdAndActorIntoTheCustomerEvent() {
    String requestId = "e2e-" + UUID.randomUUID();
    String id = register(requestId);

    try (EventProbe probe =
        EventProbe.on(suite.broker().bootstrapServers(), Topics.CUSTOMER_EVENTS)) {
      CloudEvent event = probe.await(e -> id.equals(e.subject()), Duration.ofSeconds(20));
      assertThat(event.requestid()).isEqualTo(requestId);
      assertThat(event.actor()).isEqualTo("local-agent");
    }
  }

  @Test
  void answersTheJourneyWithinTheBoundWhileInsightServiceIsDown() {
    String id = register("e2e-" + UUID.randomUUID());
    given()
        .baseUri(suite.gatewayUrl())
        .header("Authorization", AGENT)
        .when()
        .get("/api/v1/customers/{id}/journey", id)
        .then()
        .statusCode(200)
        .body("customer.id", equalTo(id));

    suite.stopService(Suite.INSIGHT);
    try {
      given()
          .baseUri(suite.gatewayUrl())
          .header("Authorization", AGENT)
          .when()
          .get("/api/v1/customers/{id}/journey", id)
          .then()
          .time(lessThan(1500L))
          .statusCode(200)
          .body("customer.id", equalTo(id))
          .body("insights", nullValue())
          .body("degraded", hasItem("insights"));
    } finally {
      suite.startService(Suite.INSIGHT);
      suite.awaitReady(Duration.ofSeconds(120));
    }
  }

  private static String register(String requestId) {
    return given()
        .baseUri(suite.gatewayUrl())
        .header("Authorization", AGENT)
        .header("X-Request-Id", requestId)
        .contentType(ContentType.JSON)
        .body(
            "{\"displayName\":\"Grace\",\"email\":\"grace-"
                + UUID.randomUUID()
                + "@example.com\",\"segment\":\"e2e\"}")
        .when()
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .header("Location", notNullValue())
        .header("X-Request-Id", requestId)
        .extract()
        .path("id");
  }
}
