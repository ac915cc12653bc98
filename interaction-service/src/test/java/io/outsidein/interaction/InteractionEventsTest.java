package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.grant;
import static io.outsidein.interaction.support.Requests.interaction;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.outsidein.interaction.support.Requests.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.Topics;
import io.outsidein.events.customer.Consents;
import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.events.interaction.GestureGranted;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.interaction.domain.KnownCustomer;
import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.EventProbe;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.ServiceMetrics;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Events against the real broker: what this service publishes, and what customer events do. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InteractionEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void publishesTheTouchpointWithoutItsSummaryOrAttributes() {
    UUID customer = Customers.active();
    String caseId = openCase(customer, "SUPPORT");
    Map<String, Object> body = interaction(customer);
    body.put("summary", "Secret-summary-" + UUID.randomUUID());
    body.put("attributes", Map.of("privateNote", "Secret-attribute"));
    body.put("caseId", caseId);
    body.put("rating", Map.of("scale", "CSAT", "score", 2));
    body.put("sentiment", -0.8);
    body.put("amount", Map.of("value", "12.50", "currency", "EUR"));
    double timedBefore = publishDelaysCounted();
    String id = record(body);

    try (EventProbe probe = EventProbe.on(bootstrap(), Topics.INTERACTION_EVENTS)) {
      CloudEvent event =
          probe.await(
              e ->
                  EventType.INTERACTION_RECORDED.typeName().equals(e.type())
                      && id.equals(e.data().path("interactionId").asText()),
              WAIT);
      assertThat(event.subject()).isEqualTo(customer.toString());
      InteractionRecorded data = EventCodec.data(event, InteractionRecorded.class);
      assertThat(data.caseId()).hasToString(caseId);
      assertThat(data.rating().score()).isEqualTo(2);
      assertThat(data.amount().value()).isEqualByComparingTo("12.50");
      String raw = EventCodec.writeString(event);
      assertThat(raw)
          .doesNotContain("Secret-summary")
          .doesNotContain("Secret-attribute")
          .doesNotContain("summary")
          .doesNotContain("attributes");
      var record =
          probe.records().stream()
              .filter(r -> new String(r.value()).contains(id))
              .findFirst()
              .orElseThrow();
      assertThat(record.key()).isEqualTo(customer.toString());
    }
    // The relay timed the row from its writing to its publication.
    Awaitility.await().atMost(WAIT).until(() -> publishDelaysCounted() > timedBefore);
  }

  private static double publishDelaysCounted() {
    return ServiceMetrics.scrape()
        .sum(
            "outbox_publish_delay_seconds_count",
            "type",
            EventType.INTERACTION_RECORDED.typeName());
  }

  @Test
  void publishesTheCaseJourneyAndGestures() {
    UUID customer = Customers.active();
    String caseId = openCase(customer, "SUPPORT");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("toDepartment", "BILLING"))
        .post("/cases/{id}/handoffs", caseId)
        .then()
        .statusCode(200);
    String gestureId = grant(caseId, "40.00", "agent");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("approve", false))
        .post("/gestures/{id}/decision", gestureId)
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("resolution", "Explained the invoice"))
        .post("/cases/{id}/resolution", caseId)
        .then()
        .statusCode(200);

    try (EventProbe probe = EventProbe.on(bootstrap(), Topics.INTERACTION_EVENTS)) {
      probe.await(
          e ->
              EventType.CASE_RESOLVED.typeName().equals(e.type())
                  && caseId.equals(e.data().path("caseId").asText()),
          WAIT);
      var types =
          probe.events().stream()
              .filter(e -> customer.toString().equals(e.subject()))
              .map(CloudEvent::type)
              .toList();
      assertThat(types)
          .containsExactly(
              EventType.CASE_OPENED.typeName(),
              EventType.CASE_HANDED_OFF.typeName(),
              EventType.GESTURE_GRANTED.typeName(),
              EventType.GESTURE_DECIDED.typeName(),
              EventType.CASE_RESOLVED.typeName());
      CloudEvent granted =
          probe.events().stream()
              .filter(e -> EventType.GESTURE_GRANTED.typeName().equals(e.type()))
              .filter(e -> gestureId.equals(e.data().path("gestureId").asText()))
              .findFirst()
              .orElseThrow();
      GestureGranted data = EventCodec.data(granted, GestureGranted.class);
      assertThat(data.status()).isEqualTo(GestureStatus.PENDING_APPROVAL);
      assertThat(data.amount().value()).isEqualByComparingTo("40.00");
      assertThat(data.rule()).isEqualTo("ABOVE_LATITUDE");
      assertThat(data.policyVersion()).isEqualTo(1);
      assertThat(probe.events().stream().filter(e -> customer.toString().equals(e.subject())))
          .allSatisfy(
              e -> assertThat(EventCodec.writeString(e)).doesNotContain("Explained the invoice"));
    }
  }

  @Test
  void namesTheActorAndRequestOfEveryEventAndRecordsThemWithTheOutboxRow() {
    UUID customer = Customers.active();
    String agent = "agent-" + UUID.randomUUID();
    String requestId = "req-" + UUID.randomUUID();
    String caseId =
        given()
            .contentType(ContentType.JSON)
            .header("X-Actor", agent)
            .header("X-Request-Id", requestId)
            .body(
                Map.of("customerId", customer.toString(), "subject", "Late", "department", "SALES"))
            .post("/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> touchpoint = interaction(customer);
    touchpoint.put("caseId", caseId);
    String interactionId =
        given()
            .contentType(ContentType.JSON)
            .header("X-Actor", agent)
            .body(touchpoint)
            .post("/interactions")
            .then()
            .statusCode(201)
            .body("recordedBy", equalTo(agent))
            .extract()
            .path("id");
    // No caller named: the event is the service's own.
    String unnamed = record(interaction(customer));

    try (EventProbe probe = EventProbe.on(bootstrap(), Topics.INTERACTION_EVENTS)) {
      CloudEvent opened =
          probe.await(
              e ->
                  EventType.CASE_OPENED.typeName().equals(e.type())
                      && caseId.equals(e.data().path("caseId").asText()),
              WAIT);
      assertThat(opened.actor()).isEqualTo(agent);
      assertThat(opened.requestid()).isEqualTo(requestId);
      CloudEvent recorded =
          probe.await(e -> interactionId.equals(e.data().path("interactionId").asText()), WAIT);
      assertThat(recorded.actor()).isEqualTo(agent);
      assertThat(recorded.requestid()).isNotBlank().isNotEqualTo(requestId);
      CloudEvent own =
          probe.await(e -> unnamed.equals(e.data().path("interactionId").asText()), WAIT);
      assertThat(own.actor()).isEqualTo("interaction-service");
      assertThat(outboxRow(opened.id())).containsExactly(requestId, agent);
    }
    given().get("/cases/{id}", caseId).then().body("openedBy", equalTo(agent));
  }

  @Test
  void namesTheRequestAndActorOfATouchpointRecordedUnderAnIdempotencyKey() {
    // A keyed touchpoint is written on a worker thread, not by the group-commit writers: its event
    // must still name the request and the actor.
    String agent = "agent-" + UUID.randomUUID();
    String requestId = "req-" + UUID.randomUUID();
    String interactionId =
        given()
            .contentType(ContentType.JSON)
            .header("X-Actor", agent)
            .header("X-Request-Id", requestId)
            .header("Idempotency-Key", "key-" + UUID.randomUUID())
            .body(interaction(Customers.active()))
            .post("/interactions")
            .then()
            .statusCode(201)
            .header("X-Request-Id", requestId)
            .body("recordedBy", equalTo(agent))
            .extract()
            .path("id");

    try (EventProbe probe = EventProbe.on(bootstrap(), Topics.INTERACTION_EVENTS)) {
      CloudEvent recorded =
          probe.await(e -> interactionId.equals(e.data().path("interactionId").asText()), WAIT);
      assertThat(recorded.actor()).isEqualTo(agent);
      assertThat(recorded.requestid()).isEqualTo(requestId);
      assertThat(outboxRow(recorded.id())).containsExactly(requestId, agent);
    }
  }

  private static java.util.List<String> outboxRow(UUID eventId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Object[] row =
                  (Object[])
                      KnownCustomer.getEntityManager()
                          .createNativeQuery(
                              "SELECT request_id, actor FROM outbox_message WHERE id = :id")
                          .setParameter("id", eventId)
                          .getSingleResult();
              return java.util.Arrays.asList((String) row[0], (String) row[1]);
            });
  }

  @Test
  void movesTheDuplicatesRecordsToTheSurvivorWhenAMergeArrives() {
    UUID survivor = Customers.active();
    UUID duplicate = Customers.active();
    String interactionId = record(interaction(duplicate));
    String caseId = openCase(duplicate, "SALES");
    String gestureId = grant(caseId, "5.00", "agent");

    publish(new CustomerMerged(survivor, duplicate, Instant.now()));

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .get("/interactions/{id}", interactionId)
                    .then()
                    .body("customerId", equalTo(survivor.toString())));
    given().get("/cases/{id}", caseId).then().body("customerId", equalTo(survivor.toString()));
    given()
        .get("/gestures/{id}", gestureId)
        .then()
        .body("customerId", equalTo(survivor.toString()));
    given().get("/customers/{id}/interactions", duplicate).then().body("items.size()", equalTo(0));
    // What arrives for the duplicate from now on is the survivor's.
    given()
        .contentType(ContentType.JSON)
        .body(interaction(duplicate))
        .post("/interactions")
        .then()
        .statusCode(201)
        .body("customerId", equalTo(survivor.toString()));
  }

  @Test
  void forgetsAnErasedCustomersTouchpointsCasesGesturesAndActions() {
    UUID customer = Customers.active();
    String interactionId = record(interaction(customer));
    String caseId = openCase(customer, "SUPPORT");
    String gestureId = grant(caseId, "99.00", "agent");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("code", "PROACTIVE_OUTREACH", "note", "Called, left a message"))
        .post("/customers/{id}/actions", customer)
        .then()
        .statusCode(201);

    publish(new CustomerErased(customer, Instant.now()));

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> given().get("/interactions/{id}", interactionId).then().statusCode(404));
    given().get("/cases/{id}", caseId).then().statusCode(404);
    given().get("/gestures/{id}", gestureId).then().statusCode(404);
    given()
        .get("/customers/{id}/actions", customer)
        .then()
        .body("items", org.hamcrest.Matchers.empty());
    given()
        .contentType(ContentType.JSON)
        .body(interaction(customer))
        .post("/interactions")
        .then()
        .statusCode(422);
  }

  @Test
  void changesNothingWhenAnEventIsDeliveredAgain() {
    UUID customer = UUID.randomUUID();
    try (EventPublisher publisher = EventPublisher.to(bootstrap())) {
      publisher.publish(new CustomerRegistered(customer, "general", Consents.NONE, Instant.now()));
      CloudEvent toPremium =
          publisher.publish(
              new CustomerSegmentChanged(customer, "general", "premium", Instant.now()));
      publisher.publish(new CustomerSegmentChanged(customer, "premium", "smb", Instant.now()));
      Awaitility.await().atMost(WAIT).until(() -> "smb".equals(segment(customer)));

      // Redelivered: applying it again would put the customer back in "premium".
      publisher.publish(toPremium);
      // A later event with the same key (so on the same partition, in order) shows it was read.
      UUID marker = UUID.randomUUID();
      publisher.publish(new CustomerMerged(customer, marker, Instant.now()));
      Awaitility.await().atMost(WAIT).until(() -> known(marker) != null);
    }
    assertThat(segment(customer)).isEqualTo("smb");
  }

  @Test
  void decidesAGestureByTheSegmentLearnedFromEvents() {
    UUID customer = UUID.randomUUID();
    publish(new CustomerRegistered(customer, "premium", Consents.NONE, Instant.now()));
    Awaitility.await().atMost(WAIT).until(() -> "premium".equals(segment(customer)));

    String caseId = openCase(customer, "SUPPORT");
    given()
        .get("/gestures/{id}", grant(caseId, "60.00", "agent"))
        .then()
        .body("status", equalTo("PENDING_APPROVAL"))
        .body(
            "decision.detail",
            equalTo("60.00 EUR is above the latitude of 25.00 EUR for segment premium"));
  }

  private static KnownCustomer.Status known(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              KnownCustomer customer = KnownCustomer.findById(id);
              return customer == null ? null : customer.status;
            });
  }

  private static String segment(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              KnownCustomer customer = KnownCustomer.findById(id);
              return customer == null ? null : customer.segment;
            });
  }

  private static void publish(io.outsidein.events.EventData data) {
    try (EventPublisher publisher = EventPublisher.to(bootstrap())) {
      publisher.publish(data);
    }
  }

  private static String bootstrap() {
    return TestInfrastructure.shared().broker().bootstrapServers();
  }
}
