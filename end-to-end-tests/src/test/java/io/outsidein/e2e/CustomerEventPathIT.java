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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole event path across real processes: gateway, customer-service, Kafka, insight. */
@ExtendWith(SharedSuite.class)
class CustomerEventPathIT {

  @Test
  void aCustomerCreatedThroughTheGatewayIsCountedInItsSegmentByInsight(Suite suite) {
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
      // The suite traces only calls whose caller sampled a trace (TracingIT's): this one's event
      // carries no sampled trace context. With tracing off (the default), the outbox adds none at
      // all (outbox OutboxTracingTest).
      assertThat(probe.records())
          .filteredOn(record -> id.equals(record.key()))
          .isNotEmpty()
          .allSatisfy(
              record -> {
                Header traceparent = record.headers().lastHeader("traceparent");
                if (traceparent != null) {
                  assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
                      .endsWith("-00");
                }
              });
    }
  }
}
