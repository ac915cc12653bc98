package io.outsidein.customer;

import static io.outsidein.customer.Fixtures.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.Topics;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.events.customer.CustomerUpdated;
import io.outsidein.testing.EventProbe;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox path against the real broker: what is published, and that an outage loses nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
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
  void recordsWhoCreatedChangedAndErasedACustomerAndNamesThemInItsEvents() {
    String id =
        given()
            .contentType(ContentType.JSON)
            .header("X-Actor", "front-desk")
            .body(Fixtures.json(Fixtures.profile()))
            .post("/customers")
            .then()
            .statusCode(201)
            .body("createdBy", org.hamcrest.Matchers.equalTo("front-desk"))
            .body("updatedBy", org.hamcrest.Matchers.equalTo("front-desk"))
            .extract()
            .path("id");
    given()
        .contentType(Fixtures.MERGE_PATCH)
        .header("X-Actor", "back-office")
        .header("If-Match", Fixtures.etagOf(id))
        .body("{\"segment\":\"enterprise\"}")
        .patch("/customers/{id}", id)
        .then()
        .statusCode(200)
        .body("createdBy", org.hamcrest.Matchers.equalTo("front-desk"))
        .body("updatedBy", org.hamcrest.Matchers.equalTo("back-office"));
    given().header("X-Actor", "privacy-desk").delete("/customers/{id}", id).then().statusCode(204);

    assertThat(actors(id)).containsExactly("front-desk", "privacy-desk", "privacy-desk");
    try (EventProbe probe = EventProbe.on(bootstrap(), Topics.CUSTOMER_EVENTS)) {
      probe.await(
          e -> id.equals(e.subject()) && EventType.CUSTOMER_ERASED.typeName().equals(e.type()),
          Duration.ofSeconds(20));
      assertThat(
              probe.events().stream()
                  .filter(e -> id.equals(e.subject()))
                  .map(e -> e.type().replace(EventType.PREFIX, "") + " by " + e.actor())
                  .toList())
          .containsExactly(
              "customer.registered.v1 by front-desk",
              "customer.updated.v1 by back-office",
              "customer.segment-changed.v1 by back-office",
              "customer.erased.v1 by privacy-desk");
    }
  }

  @Inject EntityManager entityManager;

  private List<String> actors(String id) {
    Object[] row =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Object[])
                        entityManager
                            .createNativeQuery(
                                "SELECT created_by, updated_by, erasure_requested_by"
                                    + " FROM customer WHERE id = :id")
                            .setParameter("id", UUID.fromString(id))
                            .getSingleResult());
    return java.util.Arrays.stream(row).map(String.class::cast).toList();
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
      // A later event of the same customer goes out after any second publication of the first
      // (the relay sends in write order, on the customer's partition): once it shows, count.
      given()
          .contentType(Fixtures.MERGE_PATCH)
          .header("If-Match", Fixtures.etagOf(id))
          .body("{\"displayName\":\"Online Olga\"}")
          .patch("/customers/{id}", id)
          .then()
          .statusCode(200);
      probe.await(
          e -> id.equals(e.subject()) && EventType.CUSTOMER_UPDATED.typeName().equals(e.type()),
          Duration.ofSeconds(20));
      assertThat(
              probe.events().stream()
                  .filter(e -> id.equals(e.subject()))
                  .filter(e -> EventType.CUSTOMER_REGISTERED.typeName().equals(e.type())))
          .hasSize(1);
    }
  }

  private static String bootstrap() {
    return TestInfrastructure.shared().broker().bootstrapServers();
  }

  @Test
  void publishesUpdatedMergedAndErasedEventsThatCarryNoPersonalData() {
    String tag = Fixtures.unique();
    String name = "Yorick Vantongeren " + tag;
    String email = "yv-" + tag + "@example.com";
    String newName = "Ysolde Marchbanks " + tag;
    String newEmail = "ym-" + tag + "@example.com";
    String duplicateName = "Xanthe Dupont " + tag;
    String duplicateEmail = "xd-" + tag + "@example.com";
    String ref = "REF-" + tag;
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("displayName", name);
    body.put("email", email);
    body.put("phone", "+441632960961");
    body.put("segment", "smb");
    body.put("attributes", Map.of("secret", "attr-" + tag));
    String id = Fixtures.register(body);
    String duplicate =
        Fixtures.register(
            Map.of(
                "displayName", duplicateName,
                "email", duplicateEmail,
                "externalRefs", Map.of("crm", ref)));

    given()
        .contentType(Fixtures.MERGE_PATCH)
        .header("If-Match", "\"0\"")
        .body(
            json(
                Map.of(
                    "displayName",
                    newName,
                    "email",
                    newEmail,
                    "segment",
                    "enterprise",
                    "consents",
                    Map.of("marketing", true))))
        .patch("/customers/{id}", id)
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{\"duplicateId\":\"" + duplicate + "\"}")
        .post("/customers/{id}/merge", id)
        .then()
        .statusCode(200);
    given().delete("/customers/{id}", id).then().statusCode(204);

    try (EventProbe probe = EventProbe.on(bootstrap(), Topics.CUSTOMER_EVENTS)) {
      probe.await(
          e -> id.equals(e.subject()) && EventType.CUSTOMER_ERASED.typeName().equals(e.type()),
          Duration.ofSeconds(20));
      List<CloudEvent> events =
          probe.events().stream()
              .filter(e -> id.equals(e.subject()) || duplicate.equals(e.subject()))
              .toList();

      assertThat(events)
          .extracting(CloudEvent::type)
          .contains(
              EventType.CUSTOMER_REGISTERED.typeName(),
              EventType.CUSTOMER_UPDATED.typeName(),
              EventType.CUSTOMER_SEGMENT_CHANGED.typeName(),
              EventType.CUSTOMER_CONSENT_CHANGED.typeName(),
              EventType.CUSTOMER_MERGED.typeName(),
              EventType.CUSTOMER_ERASED.typeName());
      for (CloudEvent event : events) {
        assertThat(EventCodec.writeString(event))
            .doesNotContain(name, email, newName, newEmail, duplicateName, duplicateEmail)
            .doesNotContain("Yorick", "Ysolde", "Xanthe", "+441632960961", ref, "attr-" + tag);
      }
      CloudEvent updated =
          events.stream()
              .filter(e -> EventType.CUSTOMER_UPDATED.typeName().equals(e.type()))
              .findFirst()
              .orElseThrow();
      assertThat(EventCodec.data(updated, CustomerUpdated.class).changedFields())
          .containsExactlyInAnyOrder("displayName", "email", "segment", "consents");
      CloudEvent segment =
          events.stream()
              .filter(e -> EventType.CUSTOMER_SEGMENT_CHANGED.typeName().equals(e.type()))
              .findFirst()
              .orElseThrow();
      CustomerSegmentChanged change = EventCodec.data(segment, CustomerSegmentChanged.class);
      assertThat(List.of(change.from(), change.to())).containsExactly("smb", "enterprise");
      CloudEvent merged =
          events.stream()
              .filter(e -> EventType.CUSTOMER_MERGED.typeName().equals(e.type()))
              .findFirst()
              .orElseThrow();
      assertThat(EventCodec.data(merged, CustomerMerged.class).duplicateId().toString())
          .isEqualTo(duplicate);
    }
  }
}
