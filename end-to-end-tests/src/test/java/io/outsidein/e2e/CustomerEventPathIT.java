package io.outsidein.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventType;
import io.outsidein.events.Topics;
import io.outsidein.launcher.Suite;
import io.outsidein.testing.EventProbe;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole event path across real processes: gateway, customer-service, Kafka, insight. */
class CustomerEventPathIT {
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
  void aCustomerCreatedThroughTheGatewayIsCountedInItsSegmentByInsight() {
    String segment = "seg-" + UUID.randomUUID().toString().substring(0, 8);
    String email = "ada-" + UUID.randomUUID() + "@example.com";

    String id =
        given()
            .baseUri(suite.gatewayUrl())
            .header("Authorization", "Bearer local-agent-key")
            .contentType(ContentType.JSON)
            .body(
                "{\"displayName\":\"Ada\",\"email\":\""
                    + email
                    + "\",\"segment\":\""
                    + segment
                    + "\"}")
            .when()
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .header("Location", notNullValue())
            .body("segment", equalTo(segment))
            .extract()
            .path("id");

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .baseUri(suite.gatewayUrl())
                    .header("Authorization", "Bearer local-analyst-key")
                    .when()
                    .get("/api/v1/insights/segments")
                    .then()
                    .statusCode(200)
                    .body(
                        "segments.find { it.segment == '" + segment + "' }.customers", equalTo(1)));

    try (EventProbe probe =
        EventProbe.on(suite.broker().bootstrapServers(), Topics.CUSTOMER_EVENTS)) {
      CloudEvent event = probe.await(e -> id.equals(e.subject()), Duration.ofSeconds(10));
      assertThat(event.type()).isEqualTo(EventType.CUSTOMER_REGISTERED.typeName());
      assertThat(event.data().toString()).doesNotContain(email).doesNotContain("Ada");
      // Tracing is off unless configured: no trace context is added to events.
      assertThat(probe.records())
          .filteredOn(record -> id.equals(record.key()))
          .isNotEmpty()
          .allSatisfy(record -> assertThat(record.headers().lastHeader("traceparent")).isNull());
    }
  }
}
