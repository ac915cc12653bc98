package io.outsidein.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.Topics;
import io.outsidein.launcher.Suite;
import io.outsidein.testing.EventProbe;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public API over the real processes: the caller's request id reaches the events (SharedSuite).
 * The journey that degrades while insight-service is down is a drill of FaultDrillsIT.
 */
@ExtendWith(SharedSuite.class)
class GatewayJourneyIT {
  private static final String AGENT = "Bearer local-agent-key";

  @Test
  void carriesTheCallersRequestIdAndActorIntoTheCustomerEvent(Suite suite) {
    String requestId = "e2e-" + UUID.randomUUID();
    String id = register(suite, requestId);

    try (EventProbe probe =
        EventProbe.on(suite.broker().bootstrapServers(), Topics.CUSTOMER_EVENTS)) {
      CloudEvent event = probe.await(e -> id.equals(e.subject()), Duration.ofSeconds(20));
      assertThat(event.requestid()).isEqualTo(requestId);
      assertThat(event.actor()).isEqualTo("local-agent");
    }
  }

  private static String register(Suite suite, String requestId) {
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
