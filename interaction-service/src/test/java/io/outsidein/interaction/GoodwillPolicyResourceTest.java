package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.grant;
import static io.outsidein.interaction.support.Requests.openCase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.Topics;
import io.outsidein.events.interaction.GoodwillPolicyChanged;
import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.EventProbe;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The goodwill policy as data: versions, If-Match, the event a change publishes, and the decisions
 * it makes under load. A start and a database of its own: its versions drop currencies and number
 * the policy past version 1, which the other classes' gestures are decided by.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GoodwillPolicyResourceTest {

  /** The rules of one currency; every version these tests write keeps EUR as version 1 has it. */
  private static Map<String, Object> rules(String latitude, Map<String, String> segments) {
    return Map.of(
        "latitude",
        latitude,
        "segmentLatitudes",
        segments,
        "customerWindow",
        Map.of("amount", "50.00", "days", 90),
        "personMonth",
        "500.00");
  }

  private static Map<String, Object> policyWith(String currency, Map<String, Object> rules) {
    Map<String, Object> currencies = new HashMap<>();
    currencies.put("EUR", rules("25.00", Map.of()));
    currencies.put(currency, rules);
    return Map.of("currencies", currencies);
  }

  private static String currentEtag() {
    return given().get("/policies/goodwill").then().statusCode(200).extract().header("ETag");
  }

  private static ExtractableResponse<Response> put(String ifMatch, Object body) {
    var request = given().contentType(ContentType.JSON).header("X-Actor", "admin-desk").body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.when().put("/policies/goodwill").then().extract();
  }

  @Test
  void servesTheCurrentVersionWithItsEtag() {
    given()
        .get("/policies/goodwill")
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"" + given().get("/policies/goodwill").path("version") + "\""))
        .body("currencies.EUR.latitude", equalTo("25.00"))
        .body("currencies.EUR.customerWindow.amount", equalTo("50.00"))
        .body("currencies.EUR.customerWindow.days", equalTo(90))
        .body("currencies.EUR.personMonth", equalTo("500.00"));
  }

  @Test
  void addsAVersionThatDecidesTheGesturesGrantedAfterIt() {
    String etag = currentEtag();
    ExtractableResponse<Response> changed =
        put(etag, policyWith("CHF", rules("20.00", Map.of("premium", "40.00"))));
    assertThat(changed.statusCode()).isEqualTo(200);
    int version = changed.path("version");
    assertThat(changed.header("ETag")).isEqualTo("\"" + version + "\"");
    assertThat((String) changed.path("createdBy")).isEqualTo("admin-desk");

    String caseId = openCase(Customers.active("premium"), "SUPPORT");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("amount", Map.of("value", "40.00", "currency", "CHF"), "reason", "late"))
        .post("/cases/{id}/gestures", caseId)
        .then()
        .statusCode(201)
        .body("status", equalTo("APPROVED"))
        .body("latitude", equalTo("40.00"))
        .body("decision.policyVersion", equalTo(version));

    given()
        .get("/policies/goodwill/versions")
        .then()
        .statusCode(200)
        .body("items[0].version", equalTo(version))
        .body("items.version", hasItem(version - 1))
        .body("items[-1].version", equalTo(1));
  }

  @Test
  void refusesAChangeWithoutIfMatchOrFromAStaleVersion() {
    Map<String, Object> body = policyWith("GBP", rules("20.00", Map.of()));
    assertThat(put(null, body).statusCode()).isEqualTo(428);
    String etag = currentEtag();
    assertThat(put(etag, body).statusCode()).isEqualTo(200);
    ExtractableResponse<Response> stale = put(etag, body);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(put("W/\"x\"", body).statusCode()).isEqualTo(412);
  }

  @Test
  void refusesAnInvalidPolicyNamingTheField() {
    String etag = currentEtag();
    assertThat(put(etag, policyWith("EURO", rules("20.00", Map.of()))).statusCode()).isEqualTo(400);
    assertThat(put(etag, policyWith("USD", rules("-1", Map.of()))).statusCode()).isEqualTo(400);
    assertThat(put(etag, policyWith("USD", rules("1.00", Map.of("Not A Slug", "2")))).statusCode())
        .isEqualTo(400);
    ExtractableResponse<Response> windowBelowALatitude =
        put(etag, policyWith("USD", rules("20.00", Map.of("premium", "60.00"))));
    assertThat(windowBelowALatitude.statusCode()).isEqualTo(400);
    assertThat(windowBelowALatitude.body().asString())
        .contains("currencies.USD.customerWindow.amount");
    ExtractableResponse<Response> noWindow =
        put(etag, Map.of("currencies", Map.of("USD", Map.of("latitude", "1", "personMonth", "2"))));
    assertThat(noWindow.statusCode()).isEqualTo(400);
    assertThat(noWindow.body().asString()).contains("customerWindow");
    assertThat(currentEtag()).isEqualTo(etag);
  }

  @Test
  void holdsWhatWouldPassThePersonsMonthAcrossCustomers() {
    String person = "agent-month-" + UUID.randomUUID();
    for (int customer = 0; customer < 10; customer++) {
      String caseId = openCase(Customers.active(), "SUPPORT");
      grant(caseId, "25.00", person);
      grant(caseId, "25.00", person);
    }
    String caseId = openCase(Customers.active(), "SUPPORT");
    given()
        .get("/gestures/{id}", grant(caseId, "0.01", person))
        .then()
        .body("status", equalTo("PENDING_APPROVAL"))
        .body("decision.rule", equalTo("PERSON_MONTH_EXCEEDED"))
        .body("decision.detail", startsWith("500.00 of 500.00 EUR already approved by " + person));
    given()
        .get("/gestures/{id}", grant(caseId, "0.01", "another-" + person))
        .then()
        .body("status", equalTo("APPROVED"));
  }

  @Test
  void approvesNoMoreThanTheCustomersWindowWhenTwentyPeopleGrantAtOnce() throws Exception {
    UUID customer = Customers.active();
    List<String> caseIds = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      caseIds.add(openCase(customer, "SUPPORT"));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<CompletableFuture<String>> grants = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String caseId = caseIds.get(i);
        String actor = "agent-" + i + "-" + UUID.randomUUID();
        grants.add(
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return grant(caseId, "10.00", actor);
                },
                pool));
      }
      start.countDown();
      List<String> rules = new ArrayList<>();
      for (CompletableFuture<String> grant : grants) {
        rules.add(given().get("/gestures/{id}", grant.get()).path("decision.rule"));
      }
      assertThat(rules).filteredOn("WITHIN_LATITUDE"::equals).hasSize(5);
      assertThat(rules).filteredOn("CUSTOMER_WINDOW_EXCEEDED"::equals).hasSize(15);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void publishesAGoodwillPolicyChangeWithWhoChangedItAndItsRules() {
    String etag = given().get("/policies/goodwill").then().statusCode(200).extract().header("ETag");
    Map<String, Object> sameRules =
        Map.of(
            "latitude",
            "25.00",
            "segmentLatitudes",
            Map.of(),
            "customerWindow",
            Map.of("amount", "50.00", "days", 90),
            "personMonth",
            "500.00");
    String admin = "admin-" + UUID.randomUUID();
    int version =
        given()
            .contentType(ContentType.JSON)
            .header("X-Actor", admin)
            .header("If-Match", etag)
            .body(Map.of("currencies", Map.of("EUR", sameRules)))
            .put("/policies/goodwill")
            .then()
            .statusCode(200)
            .extract()
            .path("version");

    try (EventProbe probe = EventProbe.on(bootstrap(), Topics.INTERACTION_EVENTS)) {
      CloudEvent changed =
          probe.await(
              e ->
                  EventType.GOODWILL_POLICY_CHANGED.typeName().equals(e.type())
                      && e.data().path("version").asInt() == version,
              Duration.ofSeconds(30));
      assertThat(changed.subject()).isEqualTo(GoodwillPolicyChanged.SUBJECT);
      assertThat(changed.actor()).isEqualTo(admin);
      assertThat(changed.dataschema()).isEqualTo(EventType.GOODWILL_POLICY_CHANGED.dataSchema());
      GoodwillPolicyChanged data = EventCodec.data(changed, GoodwillPolicyChanged.class);
      assertThat(data.changedBy()).isEqualTo(admin);
      assertThat(data.currencies())
          .containsOnlyKeys("EUR")
          .containsEntry(
              "EUR",
              new GoodwillPolicyChanged.CurrencyRules("25.00", Map.of(), "50.00", 90, "500.00"));
      var record =
          probe.records().stream()
              .filter(r -> new String(r.value()).contains(changed.id().toString()))
              .findFirst()
              .orElseThrow();
      assertThat(record.key()).isEqualTo(GoodwillPolicyChanged.SUBJECT);
    }
  }

  private static String bootstrap() {
    return TestInfrastructure.shared().broker().bootstrapServers();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
