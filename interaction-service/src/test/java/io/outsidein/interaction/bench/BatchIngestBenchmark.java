package io.outsidein.interaction.bench;

import static io.restassured.RestAssured.given;

import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Measures batch ingest through the HTTP endpoint against the real database, outbox included. Not a
 * test (its name does not match surefire's patterns, so {@code verify} never runs it); run it with
 * {@code ./mvnw -pl interaction-service test -Dtest=BatchIngestBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. It prints the rate; it asserts nothing about time.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class BatchIngestBenchmark {
  private static final int CUSTOMERS = 200;
  private static final int WARM_UP_BATCHES = 5;
  private static final int BATCHES = Integer.getInteger("bench.batches", 30);
  private static final int ITEMS = 1000;

  @Test
  void measuresTheBatchIngestRate() {
    List<UUID> customers = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(Customers.active());
    }
    for (int b = 0; b < WARM_UP_BATCHES; b++) {
      send(batch(customers, "warm-" + b));
    }
    List<Map<String, Object>> bodies = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      bodies.add(batch(customers, "run-" + b));
    }
    long start = System.nanoTime();
    for (Map<String, Object> body : bodies) {
      send(body);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = BATCHES * ITEMS / seconds;
    System.out.printf(
        "%nBATCH INGEST: %d batches of %d items (%d customers) in %.2f s = %.0f interactions/s,"
            + " %.0f ms per batch%n%n",
        BATCHES, ITEMS, CUSTOMERS, seconds, rate, seconds * 1000 / BATCHES);
  }

  private static void send(Map<String, Object> body) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/interactions/batch")
        .then()
        .statusCode(200);
  }

  private static Map<String, Object> batch(List<UUID> customers, String prefix) {
    Instant base = Instant.now().minus(30, ChronoUnit.DAYS);
    List<Map<String, Object>> items = new ArrayList<>(ITEMS);
    for (int i = 0; i < ITEMS; i++) {
      Map<String, Object> item = new HashMap<>();
      item.put("customerId", customers.get(i % customers.size()).toString());
      item.put("occurredAt", base.plusSeconds(i * 37L).toString());
      item.put("channel", i % 2 == 0 ? "WEB" : "PHONE");
      item.put("department", i % 3 == 0 ? "SUPPORT" : "SALES");
      item.put("type", i % 5 == 0 ? "PURCHASE" : "VISIT");
      item.put("summary", "Imported touchpoint number " + i + " of the nightly CRM export");
      item.put("externalId", prefix + "-" + i);
      item.put("rating", Map.of("scale", "CSAT", "score", 1 + i % 5));
      item.put("sentiment", (i % 21 - 10) / 10.0);
      item.put("amount", Map.of("value", (i % 100) + ".90", "currency", "EUR"));
      item.put("attributes", Map.of("source", "crm", "row", i));
      items.add(item);
    }
    return Map.of("items", items);
  }
}
