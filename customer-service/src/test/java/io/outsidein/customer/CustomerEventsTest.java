package io.outsidein.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.Topics;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.testing.EventProbe;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox path against the real broker: what is published, and that an outage loses nothing. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = true)
class CustomerEventsTest {

  private static String register(String name, String email, String segment) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Request-Id", "req-" + name.hashCode())
        .body(
            "{\"displayName\":\""
                + name
                + "\",\"email\":\""
                + email
                + "\",\"segment\":\""
                + segment
                + "\"}")
        .when()
        .post("/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void publishesARegisteredEventThatCarriesNoPersonalData() {
    String name = "Zelda Quill " + UUID.randomUUID();
    String email = "z-" + UUID.randomUUID() + "@example.com";
    String id = register(name, email, "enterprise");

    try (EventProbe probe = EventProbe.on(bootstrap(), Topics.CUSTOMER_EVENTS)) {
      CloudEvent event = probe.await(e -> id.equals(e.subject()), Duration.ofSeconds(20));
      assertThat(event.type()).isEqualTo(EventType.CUSTOMER_REGISTERED.typeName());
      assertThat(event.source()).isEqualTo("/outside-in/customer-service");
      assertThat(event.requestid()).isEqualTo("req-" + name.hashCode());
      assertThat(EventCodec.data(event, CustomerRegistered.class).segment())
          .isEqualTo("enterprise");
      String raw = new String(EventCodec.write(event));
      assertThat(raw).doesNotContain(email).doesNotContain("Zelda").doesNotContain("Quill");
    }
  }

  @Test
  void keepsAcceptingWritesWhileKafkaIsDownAndPublishesEachEventOnceWhenItIsBack() {
    var broker = TestInfrastructure.shared().broker();
    broker.stop();
    String id;
    try {
      id = register("Offline Olga", "o-" + UUID.randomUUID() + "@example.com", "smb");
    } finally {
      broker.start();
    }

    try (EventProbe probe = EventProbe.on(bootstrap(), Topics.CUSTOMER_EVENTS)) {
      probe.await(e -> id.equals(e.subject()), Duration.ofSeconds(60));
      // Give a duplicate publication time to show up before counting.
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      assertThat(probe.events().stream().filter(e -> id.equals(e.subject())).count()).isEqualTo(1);
    }
  }

  private static String bootstrap() {
    return TestInfrastructure.shared().broker().bootstrapServers();
  }
}
