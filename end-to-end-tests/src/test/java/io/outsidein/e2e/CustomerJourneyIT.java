package io.outsidein.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.Topics;
import io.outsidein.launcher.Suite;
import io.outsidein.testing.EventProbe;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole customer journeys through the public API, and what insight makes of each step. */
class CustomerJourneyIT {
  private static Suite suite;
  private static Api api;

  @BeforeAll
  static void startSuite() {
    suite = RunningSuite.start();
    api = new Api(suite);
  }

  @AfterAll
  static void stopSuite() {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void insightFollowsAComplaintBouncedAcrossThreeDepartmentsUntilItIsResolvedAndRated() {
    String id = api.customers(1, "journey").get(0);
    record(id, "PURCHASE", "SALES", null, "");
    JsonPath start = awaitInsight(id, i -> i.getInt("metrics.interactions") == 1);
    assertThat(start.getString("churnRisk")).isEqualTo("LOW");
    int healthy = start.getInt("healthScore");

    String caseId =
        api.as(Api.AGENT)
            .body(
                "{\"customerId\":\""
                    + id
                    + "\",\"subject\":\"Parcel never arrived\",\"department\":\"SALES\"}")
            .post("/api/v1/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    record(id, "COMPLAINT", "SALES", caseId, ",\"sentiment\":-0.8");
    JsonPath complained =
        awaitInsight(id, i -> codes(i, "reasons").contains("UNRESOLVED_COMPLAINT"));
    assertThat(complained.getInt("healthScore")).isLessThan(healthy);
    assertThat(codes(complained, "nextBestActions")).contains("GOODWILL_GESTURE");

    handOff(caseId, "DELIVERY");
    handOff(caseId, "SUPPORT");
    JsonPath bounced = awaitInsight(id, i -> codes(i, "reasons").contains("MANY_HANDOFFS"));
    assertThat(bounced.getInt("healthScore")).isLessThan(complained.getInt("healthScore"));
    assertThat(codes(bounced, "nextBestActions")).contains("ASSIGN_SINGLE_OWNER");

    api.as(Api.AGENT)
        .body(
            "{\"amount\":{\"value\":\"25.00\",\"currency\":\"EUR\"},\"reason\":\"Sorry for the wait\"}")
        .post("/api/v1/cases/{id}/gestures", caseId)
        .then()
        .statusCode(201)
        .body("status", org.hamcrest.Matchers.equalTo("APPROVED"));
    awaitInsight(id, i -> !codes(i, "nextBestActions").contains("GOODWILL_GESTURE"));

    api.as(Api.AGENT)
        .body("{\"resolution\":\"Parcel re-sent\"}")
        .post("/api/v1/cases/{id}/resolution", caseId)
        .then()
        .statusCode(200);
    JsonPath resolved =
        awaitInsight(id, i -> !codes(i, "reasons").contains("UNRESOLVED_COMPLAINT"));
    assertThat(resolved.getInt("healthScore")).isGreaterThan(bounced.getInt("healthScore"));
    assertThat(codes(resolved, "nextBestActions")).contains("ASK_FOR_FEEDBACK");

    record(
        id,
        "FEEDBACK",
        "SUPPORT",
        caseId,
        ",\"rating\":{\"scale\":\"CSAT\",\"score\":5},\"sentiment\":0.7");
    JsonPath rated =
        awaitInsight(id, i -> !codes(i, "nextBestActions").contains("ASK_FOR_FEEDBACK"));
    assertThat(rated.getInt("metrics.interactions")).isEqualTo(3);
    assertThat(rated.getInt("metrics.openCases")).isZero();
    assertThat(rated.getList("metrics.departmentsTouched", String.class))
        .contains("SALES", "SUPPORT");
  }

  @Test
  void erasureLeavesNoPersonalDataInAnyDatabaseNorOnTheTopics() throws Exception {
    String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String email = marker + "@example.com";
    String id =
        api.as(Api.AGENT)
            .body(
                "{\"displayName\":\"Erin "
                    + marker
                    + "\",\"email\":\""
                    + email
                    + "\",\"phone\":\"+441234567890\","
                    + "\"externalRefs\":{\"crm\":\""
                    + marker
                    + "\"},\"attributes\":{\"note\":\""
                    + marker
                    + "\"}}")
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String caseId =
        api.as(Api.AGENT)
            .body(
                "{\"customerId\":\""
                    + id
                    + "\",\"subject\":\"Case "
                    + marker
                    + "\",\"department\":\"SUPPORT\"}")
            .post("/api/v1/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    record(id, "COMPLAINT", "SUPPORT", caseId, "");
    api.as(Api.AGENT)
        .body(
            "{\"customerId\":\""
                + id
                + "\",\"channel\":\"EMAIL\",\"department\":\"SUPPORT\",\"type\":\"INQUIRY\","
                + "\"summary\":\"Wrote "
                + marker
                + "\",\"attributes\":{\"topic\":\""
                + marker
                + "\"}}")
        .post("/api/v1/interactions")
        .then()
        .statusCode(201);
    awaitInsight(id, i -> i.getInt("metrics.interactions") == 2);
    assertThat(rowsMentioning(marker)).as("personal data is stored before erasure").isNotEmpty();

    api.as(Api.ADMIN).delete("/api/v1/customers/{id}", id).then().statusCode(204);

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(rowsMentioning(marker)).isEmpty());
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                api.as(Api.AGENT)
                    .get("/api/v1/customers/{id}/insights", id)
                    .then()
                    .statusCode(404));
    api.as(Api.AGENT).get("/api/v1/customers/{id}", id).then().statusCode(410);
    for (String topic : List.of(Topics.CUSTOMER_EVENTS, Topics.INTERACTION_EVENTS)) {
      try (EventProbe probe = EventProbe.on(suite.broker().bootstrapServers(), topic)) {
        probe.await(e -> id.equals(e.subject()), Duration.ofSeconds(20));
        assertThat(probe.records())
            .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker));
      }
    }
  }

  @Test
  void mergeMovesHistoryAndInsightToTheSurvivor() {
    List<String> pair = api.customers(2, "merge");
    String survivor = pair.get(0);
    String duplicate = pair.get(1);
    record(survivor, "PURCHASE", "SALES", null, "");
    record(survivor, "VISIT", "MARKETING", null, "");
    for (int i = 0; i < 3; i++) {
      record(duplicate, "INQUIRY", "SUPPORT", null, "");
    }
    awaitInsight(duplicate, i -> i.getInt("metrics.interactions") == 3);

    api.as(Api.ADMIN)
        .body("{\"duplicateId\":\"" + duplicate + "\"}")
        .post("/api/v1/customers/{id}/merge", survivor)
        .then()
        .statusCode(200);

    JsonPath merged = awaitInsight(survivor, i -> i.getInt("metrics.interactions") == 5);
    assertThat(merged.getList("metrics.departmentsTouched", String.class))
        .contains("SUPPORT", "SALES");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        api.as(Api.AGENT)
                            .get("/api/v1/customers/{id}/interactions?limit=50", survivor)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items"))
                    .hasSize(5));
    api.as(Api.AGENT)
        .get("/api/v1/customers/{id}", duplicate)
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("MERGED"))
        .body("mergedInto", org.hamcrest.Matchers.equalTo(survivor));
  }

  private static void record(
      String customerId, String type, String department, String caseId, String extra) {
    api.as(Api.AGENT)
        .body(
            "{\"customerId\":\""
                + customerId
                + "\",\"channel\":\"PHONE\",\"department\":\""
                + department
                + "\",\"type\":\""
                + type
                + "\""
                + (caseId == null ? "" : ",\"caseId\":\"" + caseId + "\"")
                + extra
                + "}")
        .post("/api/v1/interactions")
        .then()
        .statusCode(201);
  }

  private static void handOff(String caseId, String to) {
    api.as(Api.AGENT)
        .body("{\"toDepartment\":\"" + to + "\",\"note\":\"Passing it on\"}")
        .post("/api/v1/cases/{id}/handoffs", caseId)
        .then()
        .statusCode(org.hamcrest.Matchers.lessThan(300));
  }

  private static JsonPath awaitInsight(String customerId, Predicate<JsonPath> condition) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              var response = api.as(Api.AGENT).get("/api/v1/customers/{id}/insights", customerId);
              return response.statusCode() == 200 ? response.jsonPath() : null;
            },
            insight -> insight != null && condition.test(insight));
  }

  private static List<String> codes(JsonPath insight, String list) {
    return insight.getList(list + ".code", String.class);
  }

  /** Every row, in every table of the three databases, whose text mentions the marker. */
  private static List<String> rowsMentioning(String marker) throws Exception {
    List<String> found = new ArrayList<>();
    for (String service : List.of(Suite.CUSTOMER, Suite.INTERACTION, Suite.INSIGHT)) {
      try (Connection c = suite.postgres().connect(suite.database(service));
          Statement s = c.createStatement()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
        for (String table : tables) {
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT t::text FROM \""
                      + table
                      + "\" t WHERE t::text LIKE '%"
                      + marker
                      + "%'")) {
            while (rs.next()) {
              found.add(service + "." + table + ": " + rs.getString(1));
            }
          }
        }
      }
    }
    return found;
  }
}
