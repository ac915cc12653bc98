package io.outsidein.e2e;

import static io.restassured.RestAssured.given;

import io.outsidein.launcher.Suite;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The public API as the tests' callers use it, with the demo keys of the local profile. */
final class Api {
  static final String AGENT = "local-agent-key";
  static final String ADMIN = "local-admin-key";
  static final String ANALYST = "local-analyst-key";

  private final Suite suite;

  Api(Suite suite) {
    this.suite = suite;
  }

  RequestSpecification as(String key) {
    return given()
        .baseUri(suite.gatewayUrl())
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON);
  }

  /** Registers {@code n} customers in {@code segment} and returns their ids. */
  List<String> customers(int n, String segment) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(
          as(AGENT)
              .body(
                  "{\"displayName\":\"Drill "
                      + i
                      + "\",\"email\":\"drill-"
                      + UUID.randomUUID()
                      + "@example.com\",\"segment\":\""
                      + segment
                      + "\"}")
              .post("/api/v1/customers")
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    return ids;
  }

  static String visit(String customerId) {
    return "{\"customerId\":\""
        + customerId
        + "\",\"channel\":\"WEB\",\"department\":\"MARKETING\",\"type\":\"VISIT\",\"summary\":\"drill\"}";
  }

  /** Records one touchpoint and returns the HTTP status. */
  int record(String customerId) {
    return as(AGENT)
        .body(visit(customerId))
        .post("/api/v1/interactions")
        .then()
        .extract()
        .statusCode();
  }

  /** Records {@code perCustomer} touchpoints for each customer in one batch (admin may batch). */
  void recordBatch(List<String> customers, int perCustomer) {
    StringBuilder items = new StringBuilder("{\"items\":[");
    boolean first = true;
    for (String customer : customers) {
      for (int i = 0; i < perCustomer; i++) {
        items.append(first ? "" : ",").append(visit(customer));
        first = false;
      }
    }
    as(ADMIN)
        .body(items.append("]}").toString())
        .post("/api/v1/interactions/batch")
        .then()
        .statusCode(200);
  }

  /** The number of interactions insight has counted for a customer (0 before its first event). */
  int countedByInsight(String customerId) {
    var response = as(AGENT).get("/api/v1/customers/{id}/insights", customerId);
    if (response.statusCode() != 200) {
      return 0;
    }
    Integer counted = response.path("metrics.interactions");
    return counted == null ? 0 : counted;
  }

  int countedByInsight(List<String> customers) {
    return customers.stream().mapToInt(this::countedByInsight).sum();
  }
}
