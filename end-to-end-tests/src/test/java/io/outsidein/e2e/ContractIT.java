package io.outsidein.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import io.outsidein.launcher.Suite;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The published OpenAPI document is what the running suite answers: every public operation is
 * called for each status it declares and a test can reach, and every answer is validated against
 * the document the gateway serves (undeclared members, undeclared statuses and wrong types fail).
 */
@ExtendWith(SharedSuite.class)
class ContractIT {
  private static final String AGENT = "local-agent-key";
  private static final String SUPERVISOR = "local-supervisor-key";
  private static final String ANALYST = "local-analyst-key";
  private static final String INTEGRATION = "local-integration-key";
  private static final String ADMIN = "local-admin-key";
  private static final String TOO_LARGE = "{\"pad\":\"" + "x".repeat(2_200_000) + "\"}";

  private static Suite suite;
  private static PublishedContract contract;

  @BeforeAll
  static void holdTheSuiteToItsDocument(Suite shared) {
    suite = shared;
    contract = new PublishedContract(suite.gatewayUrl());
  }

  /**
   * Statuses no test here can reach: 500/502/503/504 need a failing service (the fault drills cause
   * them); 403 where every role may call; 429 is one shared gate (reached once, below); the
   * rebuild's 409 needs a replay still running when a second start arrives, which a small database
   * finishes first (insight-service's own tests hold a job open for it); 408 needs a body stalled
   * for the gateway's body timeout on each operation (the gateway's RefusedRequestsTest stalls
   * one).
   */
  @AfterAll
  static void everyReachableDeclaredStatusWasAnswered() {
    Set<String> missing = new TreeSet<>();
    Set<String> seen = contract.seenStatuses();
    var document =
        new io.swagger.v3.parser.OpenAPIV3Parser().read(suite.gatewayUrl() + "/q/openapi");
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          for (String status : operation.getResponses().keySet()) {
                            int code = Integer.parseInt(status);
                            boolean everyRole = PublishedContract.roles(operation).size() == 5;
                            boolean unreachable =
                                code >= 500
                                    || code == 408
                                    || (code == 403 && everyRole)
                                    || (code == 429
                                        && !(method.name().equals("GET")
                                            && path.equals("/customers/{id}")))
                                    || (code == 409 && path.equals("/admin/insights/rebuilds"));
                            String key = PublishedContract.key(method.name(), path, code);
                            if (!unreachable && !seen.contains(key)) {
                              missing.add(key);
                            }
                          }
                        }));
    assertThat(missing).as("declared statuses no test reached").isEmpty();
  }

  private static RequestSpecification as(String key) {
    return anonymous().header("Authorization", "Bearer " + key);
  }

  private static RequestSpecification anonymous() {
    return given()
        .baseUri(suite.gatewayUrl())
        .basePath("/api/v1")
        .filter(contract.validation())
        .filter(contract.seen())
        .contentType(ContentType.JSON);
  }

  private static String newCustomer() {
    return "{\"displayName\":\"Contract\",\"email\":\"contract-"
        + UUID.randomUUID()
        + "@example.com\",\"segment\":\"contract\"}";
  }

  private static String register() {
    return as(AGENT)
        .body(newCustomer())
        .post("/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String interaction(String customerId, String extra) {
    return "{\"customerId\":\""
        + customerId
        + "\",\"channel\":\"PHONE\",\"department\":\"SUPPORT\",\"type\":\"COMPLAINT\""
        + extra
        + "}";
  }

  private static String openCase(String customerId) {
    return as(AGENT)
        .body(
            "{\"customerId\":\""
                + customerId
                + "\",\"subject\":\"Parcel lost\",\"department\":\"SUPPORT\"}")
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String erased() {
    String id = register();
    as(ADMIN).delete("/customers/{id}", id).then().statusCode(204);
    return id;
  }

  private static String unknown() {
    return UUID.randomUUID().toString();
  }

  /** The checks every operation shares: no key, a role not allowed, a body of the wrong type. */
  private static void refusesStrangers(String method, String path, String forbiddenKey) {
    Object[] ids = path.contains("{") ? new Object[] {unknown()} : new Object[0];
    anonymous().request(method, path, ids).then().statusCode(401);
    if (forbiddenKey != null) {
      as(forbiddenKey).request(method, path, ids).then().statusCode(403);
    }
  }

  private static void refusesBadBodies(String method, String path, String key, Object id) {
    Object[] ids = id == null ? new Object[0] : new Object[] {id};
    as(key).body(TOO_LARGE).request(method, path, ids).then().statusCode(413);
    as(key)
        .contentType(ContentType.TEXT)
        .body("hello")
        .request(method, path, ids)
        .then()
        .statusCode(415);
  }

  /**
   * A query string no URI class builds (a lone {@code %}), sent as raw bytes: the gateway answers
   * it with a 400 problem, which is held against the document like any other answer. A path
   * template's {@code {id}} is the first of {@code ids}.
   */
  private static void refusesMalformedQuery(String method, String path, String key, Object... ids) {
    URI gateway = URI.create(suite.gatewayUrl());
    String concrete = ids.length == 0 ? path : path.replace("{id}", ids[0].toString());
    String target = "/api/v1" + concrete + "?x=%%";
    try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              (method
                      + " "
                      + target
                      + " HTTP/1.1\r\nHost: "
                      + gateway.getAuthority()
                      + "\r\nAuthorization: Bearer "
                      + key
                      + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int headEnd = answer.indexOf("\r\n\r\n");
      assertThat(headEnd).as(answer).isPositive();
      String[] head = answer.substring(0, headEnd).split("\r\n");
      int status = Integer.parseInt(head[0].split(" ")[1]);
      SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        response.withHeader(
            head[i].substring(0, colon).trim(), head[i].substring(colon + 1).trim());
      }
      response.withBody(answer.substring(headEnd + 4));
      var report =
          contract
              .validator()
              .validateResponse(
                  "/api/v1" + concrete, Request.Method.valueOf(method), response.build());
      assertThat(report.getMessages()).as(method + " " + target).isEmpty();
      assertThat(status).as(method + " " + target).isEqualTo(400);
      contract.saw(method, path, status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void customersAnswerAsDocumented() {
    as(AGENT).body("{\"email\":\"no-name@example.com\"}").post("/customers").then().statusCode(400);
    String body = newCustomer();
    String id = as(AGENT).body(body).post("/customers").then().statusCode(201).extract().path("id");
    as(AGENT).body(body).post("/customers").then().statusCode(409);
    refusesBadBodies("POST", "/customers", AGENT, null);
    anonymous().body(newCustomer()).post("/customers").then().statusCode(401);
    as(ANALYST).body(newCustomer()).post("/customers").then().statusCode(403);

    as(AGENT).queryParam("segment", "contract").get("/customers").then().statusCode(200);
    as(AGENT).queryParam("limit", 0).get("/customers").then().statusCode(400);
    anonymous().get("/customers").then().statusCode(401);

    as(AGENT)
        .get("/customers/{id}", id)
        .then()
        .statusCode(200)
        .header("ETag", org.hamcrest.Matchers.notNullValue());
    as(AGENT).get("/customers/{id}", unknown()).then().statusCode(404);
    as(AGENT).get("/customers/{id}", "not-an-id").then().statusCode(400);
    as(AGENT).get("/customers/{id}", erased()).then().statusCode(410);
    anonymous().get("/customers/{id}", id).then().statusCode(401);
  }

  @Test
  void customerChangesAnswerAsDocumented() {
    String id = register();
    String other = register();
    String etag = as(AGENT).get("/customers/{id}", id).then().extract().header("ETag");
    RequestSpecification patch =
        as(AGENT).contentType("application/merge-patch+json").header("If-Match", etag);
    String otherEmail = as(AGENT).get("/customers/{id}", other).then().extract().path("email");
    patch
        .body("{\"email\":\"" + otherEmail + "\"}")
        .patch("/customers/{id}", id)
        .then()
        .statusCode(409);
    String fresh =
        as(AGENT)
            .contentType("application/merge-patch+json")
            .header("If-Match", etag)
            .body("{\"segment\":\"enterprise\",\"phone\":null}")
            .patch("/customers/{id}", id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    assertThat(fresh).isNotEqualTo(etag);
    as(AGENT)
        .contentType("application/merge-patch+json")
        .header("If-Match", etag)
        .body("{\"segment\":\"smb\"}")
        .patch("/customers/{id}", id)
        .then()
        .statusCode(412);
    as(AGENT)
        .contentType("application/merge-patch+json")
        .header("If-Match", fresh)
        .body("{\"displayName\":null}")
        .patch("/customers/{id}", id)
        .then()
        .statusCode(400);
    as(AGENT)
        .contentType("application/merge-patch+json")
        .body("{\"segment\":\"smb\"}")
        .patch("/customers/{id}", id)
        .then()
        .statusCode(428);
    as(AGENT)
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"segment\":\"smb\"}")
        .patch("/customers/{id}", unknown())
        .then()
        .statusCode(404);
    as(AGENT)
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"segment\":\"smb\"}")
        .patch("/customers/{id}", erased())
        .then()
        .statusCode(410);
    as(AGENT)
        .contentType("application/merge-patch+json")
        .header("If-Match", fresh)
        .body(TOO_LARGE)
        .patch("/customers/{id}", id)
        .then()
        .statusCode(413);
    as(AGENT)
        .contentType(ContentType.TEXT)
        .header("If-Match", fresh)
        .body("segment=smb")
        .patch("/customers/{id}", id)
        .then()
        .statusCode(415);
    refusesStrangers("PATCH", "/customers/{id}", ANALYST);
  }

  @Test
  void erasureAndMergeAnswerAsDocumented() {
    String gone = register();
    as(ADMIN).delete("/customers/{id}", gone).then().statusCode(204);
    as(ADMIN).delete("/customers/{id}", gone).then().statusCode(204);
    as(ADMIN).delete("/customers/{id}", unknown()).then().statusCode(404);
    as(ADMIN).delete("/customers/{id}", "not-an-id").then().statusCode(400);
    refusesStrangers("DELETE", "/customers/{id}", AGENT);

    String survivor = register();
    String duplicate = register();
    String merge = "{\"duplicateId\":\"" + duplicate + "\"}";
    as(ADMIN).body(merge).post("/customers/{id}/merge", survivor).then().statusCode(200);
    as(ADMIN).body(merge).post("/customers/{id}/merge", survivor).then().statusCode(409);
    as(ADMIN).body("{}").post("/customers/{id}/merge", survivor).then().statusCode(400);
    as(ADMIN).body(merge).post("/customers/{id}/merge", unknown()).then().statusCode(404);
    as(ADMIN)
        .body("{\"duplicateId\":\"" + register() + "\"}")
        .post("/customers/{id}/merge", gone)
        .then()
        .statusCode(409)
        .body("customerId", equalTo(gone))
        .body("customerStatus", equalTo("ERASED"));
    refusesBadBodies("POST", "/customers/{id}/merge", ADMIN, survivor);
    refusesStrangers("POST", "/customers/{id}/merge", AGENT);
    as(AGENT)
        .get("/customers/{id}", duplicate)
        .then()
        .statusCode(200)
        .body("status", equalTo("MERGED"))
        .body("mergedInto", equalTo(survivor));
  }

  @Test
  void interactionsAnswerAsDocumented() {
    String customer = register();
    String ref = "crm-" + UUID.randomUUID();
    String recorded =
        as(AGENT)
            .header("Idempotency-Key", "contract-" + UUID.randomUUID())
            .body(
                interaction(
                    customer,
                    ",\"summary\":\"late\",\"rating\":{\"scale\":\"CSAT\",\"score\":2},"
                        + "\"sentiment\":-0.5,\"amount\":{\"value\":\"9.90\",\"currency\":\"EUR\"},"
                        + "\"externalId\":\""
                        + ref
                        + "\",\"attributes\":{\"team\":\"north\",\"vip\":true,\"calls\":2}"))
            .post("/interactions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(AGENT)
        .body(interaction(customer, ",\"externalId\":\"" + ref + "\""))
        .post("/interactions")
        .then()
        .statusCode(409);
    as(AGENT).body(interaction(unknown(), "")).post("/interactions").then().statusCode(422);
    as(AGENT)
        .body(interaction(customer, ",\"sentiment\":3"))
        .post("/interactions")
        .then()
        .statusCode(400);
    refusesBadBodies("POST", "/interactions", AGENT, null);
    anonymous().body(interaction(customer, "")).post("/interactions").then().statusCode(401);
    as(ANALYST).body(interaction(customer, "")).post("/interactions").then().statusCode(403);

    as(INTEGRATION)
        .body("{\"items\":[" + interaction(customer, "") + "," + interaction(unknown(), "") + "]}")
        .post("/interactions/batch")
        .then()
        .statusCode(200)
        .body("results[0].status", equalTo(201))
        .body("results[1].status", equalTo(422));
    as(INTEGRATION).body("{\"items\":[]}").post("/interactions/batch").then().statusCode(400);
    refusesBadBodies("POST", "/interactions/batch", INTEGRATION, null);
    anonymous().body("{\"items\":[]}").post("/interactions/batch").then().statusCode(401);
    as(AGENT).body("{\"items\":[]}").post("/interactions/batch").then().statusCode(403);

    as(AGENT).get("/interactions/{id}", recorded).then().statusCode(200);
    as(AGENT).get("/interactions/{id}", unknown()).then().statusCode(404);
    as(AGENT).get("/interactions/{id}", "not-an-id").then().statusCode(400);
    anonymous().get("/interactions/{id}", recorded).then().statusCode(401);

    as(AGENT).get("/customers/{id}/interactions", customer).then().statusCode(200);
    as(AGENT)
        .queryParam("from", "yesterday")
        .get("/customers/{id}/interactions", customer)
        .then()
        .statusCode(400);
    anonymous().get("/customers/{id}/interactions", customer).then().statusCode(401);
  }

  @Test
  void casesAnswerAsDocumented() {
    String customer = register();
    String caseId = openCase(customer);
    as(AGENT)
        .body("{\"customerId\":\"" + customer + "\",\"department\":\"SUPPORT\"}")
        .post("/cases")
        .then()
        .statusCode(400);
    as(AGENT)
        .body("{\"customerId\":\"" + unknown() + "\",\"subject\":\"x\",\"department\":\"SUPPORT\"}")
        .post("/cases")
        .then()
        .statusCode(422);
    refusesBadBodies("POST", "/cases", AGENT, null);
    anonymous().body("{}").post("/cases").then().statusCode(401);
    as(ANALYST).body("{}").post("/cases").then().statusCode(403);

    as(AGENT)
        .body("{\"toDepartment\":\"BILLING\",\"note\":\"refund\"}")
        .post("/cases/{id}/handoffs", caseId)
        .then()
        .statusCode(200)
        .body("handoffs[0].to", equalTo("BILLING"));
    as(AGENT).body("{}").post("/cases/{id}/handoffs", caseId).then().statusCode(400);
    as(AGENT)
        .body("{\"toDepartment\":\"BILLING\"}")
        .post("/cases/{id}/handoffs", unknown())
        .then()
        .statusCode(404);
    refusesBadBodies("POST", "/cases/{id}/handoffs", AGENT, caseId);
    refusesStrangers("POST", "/cases/{id}/handoffs", ANALYST);

    as(AGENT).get("/cases/{id}", caseId).then().statusCode(200);
    as(AGENT).get("/cases/{id}", unknown()).then().statusCode(404);
    as(AGENT).get("/cases/{id}", "not-an-id").then().statusCode(400);
    refusesStrangers("GET", "/cases/{id}", INTEGRATION);
    as(AGENT)
        .queryParam("status", "OPEN")
        .get("/customers/{id}/cases", customer)
        .then()
        .statusCode(200);
    as(AGENT)
        .queryParam("status", "LOST")
        .get("/customers/{id}/cases", customer)
        .then()
        .statusCode(400);
    refusesStrangers("GET", "/customers/{id}/cases", INTEGRATION);

    as(AGENT).body("{}").post("/cases/{id}/resolution", caseId).then().statusCode(400);
    as(AGENT)
        .body("{\"resolution\":\"refunded\"}")
        .post("/cases/{id}/resolution", unknown())
        .then()
        .statusCode(404);
    refusesBadBodies("POST", "/cases/{id}/resolution", AGENT, caseId);
    refusesStrangers("POST", "/cases/{id}/resolution", ANALYST);
    as(AGENT)
        .body("{\"resolution\":\"refunded\"}")
        .post("/cases/{id}/resolution", caseId)
        .then()
        .statusCode(200)
        .body("status", equalTo("RESOLVED"));
    as(AGENT)
        .body("{\"resolution\":\"again\"}")
        .post("/cases/{id}/resolution", caseId)
        .then()
        .statusCode(409);
    as(AGENT)
        .body("{\"toDepartment\":\"SALES\"}")
        .post("/cases/{id}/handoffs", caseId)
        .then()
        .statusCode(409);
    as(AGENT)
        .body("{\"amount\":{\"value\":\"5.00\",\"currency\":\"EUR\"},\"reason\":\"late\"}")
        .post("/cases/{id}/gestures", caseId)
        .then()
        .statusCode(409);
  }

  @Test
  void gesturesAnswerAsDocumented() {
    String customer = register();
    String caseId = openCase(customer);
    String within = "{\"amount\":{\"value\":\"20.00\",\"currency\":\"EUR\"},\"reason\":\"late\"}";
    String above = "{\"amount\":{\"value\":\"30.00\",\"currency\":\"EUR\"},\"reason\":\"lost\"}";
    as(AGENT)
        .body(within)
        .post("/cases/{id}/gestures", caseId)
        .then()
        .statusCode(201)
        .body("status", equalTo("APPROVED"))
        .body("decision.rule", equalTo("WITHIN_LATITUDE"));
    String pending =
        as(AGENT)
            .body(above)
            .post("/cases/{id}/gestures", caseId)
            .then()
            .statusCode(201)
            .body("status", equalTo("PENDING_APPROVAL"))
            .body("decision.rule", equalTo("ABOVE_LATITUDE"))
            .extract()
            .path("id");
    as(AGENT)
        .body("{\"amount\":{\"value\":\"-1\",\"currency\":\"EUR\"},\"reason\":\"x\"}")
        .post("/cases/{id}/gestures", caseId)
        .then()
        .statusCode(400);
    as(AGENT).body(within).post("/cases/{id}/gestures", unknown()).then().statusCode(404);
    refusesBadBodies("POST", "/cases/{id}/gestures", AGENT, caseId);
    refusesStrangers("POST", "/cases/{id}/gestures", ANALYST);

    as(AGENT).queryParam("status", "PENDING_APPROVAL").get("/gestures").then().statusCode(200);
    as(AGENT).queryParam("status", "MAYBE").get("/gestures").then().statusCode(400);
    anonymous().get("/gestures").then().statusCode(401);
    as(INTEGRATION).get("/gestures").then().statusCode(403);

    as(AGENT)
        .get("/customers/{id}/goodwill", customer)
        .then()
        .statusCode(200)
        .body("actor", equalTo("local-agent"))
        .body("currencies.EUR.customerWindow.approved", equalTo("20.00"))
        .body("lastGestures[0].id", equalTo(pending));
    as(AGENT).get("/customers/{id}/goodwill", unknown()).then().statusCode(404);
    String erased = erased();
    // interaction-service hears of the erasure through customer-events, within seconds.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> as(AGENT).get("/customers/{id}/goodwill", erased).then().statusCode(410));
    as(AGENT).get("/customers/{id}/goodwill", "not-an-id").then().statusCode(400);
    refusesMalformedQuery("GET", "/customers/{id}/goodwill", AGENT, customer);
    refusesStrangers("GET", "/customers/{id}/goodwill", INTEGRATION);

    as(SUPERVISOR)
        .body("{\"note\":\"ok\"}")
        .post("/gestures/{id}/decision", pending)
        .then()
        .statusCode(400);
    as(SUPERVISOR)
        .body("{\"approve\":true}")
        .post("/gestures/{id}/decision", unknown())
        .then()
        .statusCode(404);
    refusesBadBodies("POST", "/gestures/{id}/decision", SUPERVISOR, pending);
    refusesStrangers("POST", "/gestures/{id}/decision", AGENT);
    as(SUPERVISOR)
        .body("{\"approve\":true,\"note\":\"loyal\"}")
        .post("/gestures/{id}/decision", pending)
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"))
        .body("decisionNote", equalTo("loyal"));
    as(SUPERVISOR)
        .body("{\"approve\":false}")
        .post("/gestures/{id}/decision", pending)
        .then()
        .statusCode(409);
  }

  /** The policy the suite starts with: changing it to itself keeps every other test's story. */
  private static final String SEED_POLICY =
      "{\"currencies\":{"
          + Stream.of("EUR", "USD", "GBP")
              .map(
                  c ->
                      "\""
                          + c
                          + "\":{\"latitude\":\"25.00\",\"segmentLatitudes\":{},"
                          + "\"customerWindow\":{\"amount\":\"50.00\",\"days\":90},"
                          + "\"personMonth\":\"500.00\"}")
              .collect(Collectors.joining(","))
          + "}}";

  @Test
  void theGoodwillPolicyAnswersAsDocumented() {
    String etag =
        as(AGENT)
            .get("/policies/goodwill")
            .then()
            .statusCode(200)
            .body("currencies.EUR.latitude", equalTo("25.00"))
            .extract()
            .header("ETag");
    refusesMalformedQuery("GET", "/policies/goodwill", AGENT);
    refusesStrangers("GET", "/policies/goodwill", INTEGRATION);
    as(ANALYST).get("/policies/goodwill/versions").then().statusCode(200);
    refusesMalformedQuery("GET", "/policies/goodwill/versions", SUPERVISOR);
    refusesStrangers("GET", "/policies/goodwill/versions", INTEGRATION);

    as(ADMIN).body(SEED_POLICY).put("/policies/goodwill").then().statusCode(428);
    as(ADMIN)
        .header("If-Match", etag)
        .body("{\"currencies\":{\"EURO\":{}}}")
        .put("/policies/goodwill")
        .then()
        .statusCode(400);
    String next =
        as(ADMIN)
            .header("If-Match", etag)
            .body(SEED_POLICY)
            .put("/policies/goodwill")
            .then()
            .statusCode(200)
            .body("createdBy", equalTo("local-admin"))
            .extract()
            .header("ETag");
    assertThat(next).isNotEqualTo(etag);
    as(ADMIN)
        .header("If-Match", etag)
        .body(SEED_POLICY)
        .put("/policies/goodwill")
        .then()
        .statusCode(412);
    refusesBadBodies("PUT", "/policies/goodwill", ADMIN, null);
    refusesStrangers("PUT", "/policies/goodwill", AGENT);
    as(AGENT)
        .get("/policies/goodwill/versions")
        .then()
        .statusCode(200)
        .body("items[0].version", equalTo(Integer.parseInt(next.replace("\"", ""))));
  }

  @Test
  void insightsAnswerAsDocumented() {
    String customer = register();
    String caseId = openCase(customer);
    as(AGENT)
        .body(interaction(customer, ",\"caseId\":\"" + caseId + "\",\"sentiment\":-0.8"))
        .post("/interactions")
        .then()
        .statusCode(201);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> as(AGENT).get("/customers/{id}/insights", customer).then().statusCode(200));
    as(AGENT).get("/customers/{id}/insights", unknown()).then().statusCode(404);
    as(AGENT).get("/customers/{id}/insights", "not-an-id").then().statusCode(400);
    refusesStrangers("GET", "/customers/{id}/insights", INTEGRATION);

    as(AGENT)
        .get("/customers/{id}/journey", customer)
        .then()
        .statusCode(200)
        .body("goodwill.customerId", equalTo(customer))
        .body("goodwill.actor", equalTo("local-agent"))
        .body("goodwill.policyVersion", org.hamcrest.Matchers.notNullValue())
        .body("degraded.size()", equalTo(0));
    as(AGENT).get("/customers/{id}/journey", unknown()).then().statusCode(404);
    as(AGENT).get("/customers/{id}/journey", erased()).then().statusCode(410);
    as(AGENT).get("/customers/{id}/journey", "not-an-id").then().statusCode(400);
    refusesStrangers("GET", "/customers/{id}/journey", INTEGRATION);

    as(ANALYST).get("/insights/segments").then().statusCode(200);
    refusesMalformedQuery("GET", "/insights/segments", ANALYST);
    refusesStrangers("GET", "/insights/segments", AGENT);
    as(ANALYST).queryParam("minRisk", "LOW").get("/insights/at-risk").then().statusCode(200);
    as(ANALYST).queryParam("minRisk", "DIRE").get("/insights/at-risk").then().statusCode(400);
    refusesStrangers("GET", "/insights/at-risk", AGENT);
    as(ANALYST).get("/insights/journeys").then().statusCode(200);
    refusesMalformedQuery("GET", "/insights/journeys", ANALYST);
    refusesStrangers("GET", "/insights/journeys", AGENT);
  }

  @Test
  void actionsAndTheirOutcomesAnswerAsDocumented() {
    String customer = register();
    String caseId = openCase(customer);
    as(AGENT)
        .body("{\"code\":\"ASSIGN_SINGLE_OWNER\",\"caseId\":\"" + caseId + "\",\"note\":\"Anna\"}")
        .post("/customers/{id}/actions", customer)
        .then()
        .statusCode(201)
        .body("takenBy", equalTo("local-agent"))
        .body("caseId", equalTo(caseId));
    as(AGENT)
        .body("{\"code\":\"SEND_FLOWERS\"}")
        .post("/customers/{id}/actions", customer)
        .then()
        .statusCode(400);
    as(AGENT)
        .body("{\"code\":\"PROACTIVE_OUTREACH\",\"caseId\":\"" + openCase(register()) + "\"}")
        .post("/customers/{id}/actions", customer)
        .then()
        .statusCode(422);
    refusesBadBodies("POST", "/customers/{id}/actions", AGENT, customer);
    refusesStrangers("POST", "/customers/{id}/actions", ANALYST);

    as(ANALYST)
        .get("/customers/{id}/actions", customer)
        .then()
        .statusCode(200)
        .body("items[0].code", equalTo("ASSIGN_SINGLE_OWNER"));
    as(AGENT)
        .queryParam("limit", 0)
        .get("/customers/{id}/actions", customer)
        .then()
        .statusCode(400);
    refusesMalformedQuery("GET", "/customers/{id}/actions", AGENT, customer);
    refusesStrangers("GET", "/customers/{id}/actions", INTEGRATION);

    as(ANALYST).get("/insights/actions").then().statusCode(200);
    as(ANALYST).queryParam("segment", "Not A Slug").get("/insights/actions").then().statusCode(400);
    refusesMalformedQuery("GET", "/insights/actions", ANALYST);
    refusesStrangers("GET", "/insights/actions", AGENT);
  }

  @Test
  void calibrationAnswersAsDocumented() {
    as(ANALYST).get("/insights/calibration").then().statusCode(200);
    as(SUPERVISOR)
        .queryParam("segment", "contract")
        .get("/insights/calibration")
        .then()
        .statusCode(200)
        .body("items.churnRisk", equalTo(List.of("LOW", "MEDIUM", "HIGH")));
    as(ANALYST)
        .queryParam("segment", "Not A Slug")
        .get("/insights/calibration")
        .then()
        .statusCode(400);
    refusesMalformedQuery("GET", "/insights/calibration", ANALYST);
    refusesStrangers("GET", "/insights/calibration", AGENT);
  }

  @Test
  void experimentsAnswerAsDocumented() {
    String design =
        "{\"name\":\"Call back\",\"population\":{\"segment\":\"contract\"},"
            + "\"arms\":[{\"name\":\"control\",\"weight\":1},{\"name\":\"callBack\","
            + "\"weight\":1,\"treatment\":{\"action\":\"PROACTIVE_OUTREACH\"}}],"
            + "\"outcome\":\"RETAINED\",\"startsAt\":\"2026-01-01T00:00:00Z\"}";
    String id =
        as(ANALYST)
            .body(design)
            .post("/experiments")
            .then()
            .statusCode(201)
            .body("createdBy", equalTo("local-analyst"))
            .extract()
            .path("id");
    as(ANALYST)
        .body(design.replace("\"callBack\"", "\"control\""))
        .post("/experiments")
        .then()
        .statusCode(400);
    refusesBadBodies("POST", "/experiments", ANALYST, null);
    refusesStrangers("POST", "/experiments", AGENT);

    as(AGENT).queryParam("limit", 1).get("/experiments").then().statusCode(200);
    as(AGENT).queryParam("limit", 500).get("/experiments").then().statusCode(400);
    refusesStrangers("GET", "/experiments", INTEGRATION);
    as(AGENT)
        .get("/experiments/{id}", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("RUNNING"));
    as(AGENT).get("/experiments/{id}", unknown()).then().statusCode(404);
    as(AGENT).get("/experiments/{id}", "not-an-id").then().statusCode(400);
    refusesStrangers("GET", "/experiments/{id}", INTEGRATION);
    as(ANALYST)
        .get("/experiments/{id}/results", id)
        .then()
        .statusCode(200)
        .body("test", equalTo("mSPRT"))
        .body("comparisons[0].arm", equalTo("callBack"));
    as(SUPERVISOR).get("/experiments/{id}/results", id).then().statusCode(200);
    as(ANALYST).get("/experiments/{id}/results", unknown()).then().statusCode(404);
    as(ANALYST).get("/experiments/{id}/results", "not-an-id").then().statusCode(400);
    refusesStrangers("GET", "/experiments/{id}/results", AGENT);

    as(ANALYST)
        .post("/experiments/{id}/stop", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("STOPPED"));
    as(ANALYST).post("/experiments/{id}/stop", id).then().statusCode(409);
    as(ANALYST).post("/experiments/{id}/stop", unknown()).then().statusCode(404);
    as(ANALYST).post("/experiments/{id}/stop", "not-an-id").then().statusCode(400);
    refusesStrangers("POST", "/experiments/{id}/stop", AGENT);
  }

  @Test
  void everyOperationRefusesAnOverlongTargetAndOverlargeHeadersAsDocumented() {
    new io.swagger.v3.parser.OpenAPIV3Parser()
        .read(suite.gatewayUrl() + "/q/openapi")
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          Object[] ids =
                              path.contains("{") ? new Object[] {unknown()} : new Object[0];
                          as(ADMIN)
                              .queryParam("pad", "x".repeat(5_000))
                              .request(method.name(), path, ids)
                              .then()
                              .statusCode(414);
                          as(ADMIN)
                              .header("X-Pad", "x".repeat(30_000))
                              .request(method.name(), path, ids)
                              .then()
                              .statusCode(431);
                        }));
  }

  @Test
  void aRebuildIsAJobToFollow() {
    Response started = as(ADMIN).post("/admin/insights/rebuilds");
    started.then().statusCode(202);
    String location = started.header("Location");
    String id = started.path("id");
    assertThat(location).isEqualTo("/api/v1/admin/insights/rebuilds/" + id);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                as(ADMIN)
                    .get("/admin/insights/rebuilds/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("COMPLETED")));
    as(ADMIN).get("/admin/insights/rebuilds/{id}", unknown()).then().statusCode(404);
    as(ADMIN).get("/admin/insights/rebuilds/{id}", "not-an-id").then().statusCode(400);
    refusesStrangers("GET", "/admin/insights/rebuilds/{id}", ANALYST);
    anonymous().post("/admin/insights/rebuilds").then().statusCode(401);
    as(AGENT).post("/admin/insights/rebuilds").then().statusCode(403);
    refusesMalformedQuery("POST", "/admin/insights/rebuilds", ADMIN);
  }

  @Test
  void aKeyPastItsRateIsToldWhenToComeBack() {
    String id = register();
    Response refused = null;
    // The bucket refills one request a second: on a slow machine more than its size are needed.
    for (int i = 0; i <= 10 * SharedSuite.SUPERVISOR_REQUESTS_PER_MINUTE && refused == null; i++) {
      Response answer = as(SUPERVISOR).get("/customers/{id}", id);
      if (answer.statusCode() == 429) {
        refused = answer;
      } else {
        answer.then().statusCode(200);
      }
    }
    assertThat(refused).as("a 429 once the bucket is used up").isNotNull();
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
  }

  @Test
  void theValidatorRefusesAnAnswerWithARenamedField() {
    String id = register();
    String body = as(AGENT).get("/customers/{id}", id).then().extract().asString();
    var request =
        new com.atlassian.oai.validator.model.SimpleRequest.Builder(
                Request.Method.GET, "/api/v1/customers/" + id)
            .build();
    var valid =
        SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build();
    assertThat(
            contract
                .validator()
                .validateResponse(request.getPath(), request.getMethod(), valid)
                .hasErrors())
        .isFalse();
    var renamed =
        SimpleResponse.Builder.ok()
            .withContentType("application/json")
            .withBody(body.replace("\"displayName\"", "\"name\""))
            .build();
    var report =
        contract.validator().validateResponse(request.getPath(), request.getMethod(), renamed);
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.getMessages().toString()).contains("name").contains("displayName");
  }
}
