package io.outsidein.insight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventType;
import io.outsidein.events.customer.Consents;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.ServiceMetrics;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Customer events from the real broker change the segment counts, once per event. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SegmentCountTest {

  @Test
  void countsARegisteredCustomerInItsSegmentOnceEvenWhenTheEventIsDeliveredTwice() {
    String segment = "seg-" + UUID.randomUUID().toString().substring(0, 8);
    double duplicatesBefore = duplicatesSkipped();
    try (EventPublisher publisher = EventPublisher.to(bootstrap())) {
      CloudEvent event =
          publisher.publish(
              new CustomerRegistered(UUID.randomUUID(), segment, Consents.NONE, Instant.now()));
      publisher.publish(event);
      publisher.publish(
          new CustomerRegistered(UUID.randomUUID(), segment, Consents.NONE, Instant.now()));
    }

    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> segmentCount(segment, 2));
    // Once the consumer has taken the redelivered event for a duplicate, still two: it was not
    // counted.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> duplicatesSkipped() - duplicatesBefore == 1);
    segmentCount(segment, 2);
  }

  private static double duplicatesSkipped() {
    return ServiceMetrics.scrape()
        .sum("inbox_events_duplicates_total", "type", EventType.CUSTOMER_REGISTERED.typeName());
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
