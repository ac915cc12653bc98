package io.outsidein.insight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.customer.Consents;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Customer events from the real broker change the segment counts, once per event. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = true)
class SegmentCountTest {

  @Test
  void countsARegisteredCustomerInItsSegmentOnceEvenWhenTheEventIsDeliveredTwice() {
    String segment = "seg-" + UUID.randomUUID().toString().substring(0, 8);
    try (EventPublisher publisher = EventPublisher.to(bootstrap())) {
      CloudEvent event =
          publisher.publish(
              new CustomerRegistered(UUID.randomUUID(), segment, Consents.NONE, Instant.now()));
      publisher.publish(event);
      // A second customer proves the consumer went past the duplicate.
      publisher.publish(
          new CustomerRegistered(UUID.randomUUID(), segment, Consents.NONE, Instant.now()));
    }

    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> segmentCount(segment, 2));
    // Still two after a moment: the redelivered event was not counted.
    Awaitility.await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> segmentCount(segment, 2));
  }

  private static void segmentCount(String segment, int expected) {
    given()
        .when()
        .get("/insights/segments")
        .then()
        .statusCode(200)
        .body("segments.find { it.segment == '" + segment + "' }.customers", equalTo(expected));
  }

  private static String bootstrap() {
    return TestInfrastructure.shared().broker().bootstrapServers();
  }
}
