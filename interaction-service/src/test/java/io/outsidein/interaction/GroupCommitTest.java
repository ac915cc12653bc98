package io.outsidein.interaction;

import static io.outsidein.interaction.support.Requests.interaction;
import static io.outsidein.interaction.support.Requests.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outsidein.interaction.config.InteractionConfig;
import io.outsidein.interaction.support.Customers;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.FailedStatements;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.ServiceMetrics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Single POSTs share transactions when they arrive together. The writers are held up for real, on
 * PostgreSQL's unique index (a test transaction holds the external ids they insert), so that the
 * requests sent meanwhile must wait and be written together.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GroupCommitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject DataSource dataSource;
  @Inject InteractionConfig config;

  @Test
  void aFailedStatementKeepsTheSummaryItCarriedOutOfItsMessage() {
    // A group that meets a unique-key race is logged by Hibernate: not with the rows' free text.
    String summary = "customer said " + UUID.randomUUID();

    assertThat(FailedStatements.messagesOfADuplicateInsert(dataSource, summary))
        .contains("duplicate key value violates unique constraint")
        .doesNotContain(summary);
  }

  @Test
  void requestsArrivingWhileEveryWriterIsBusyShareATransactionEachAnsweredOnItsOwn()
      throws Exception {
    UUID customer = Customers.active();
    UUID other = Customers.active();
    record(interaction(customer));
    record(interaction(other));
    int writers = config.groupCommit().writers();
    double handedBefore = metric("interactions_group_commit_size_sum");
    ExecutorService callers = Executors.newFixedThreadPool(writers + 30);
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      // Each writer in turn takes one request whose external id the holder has inserted and not
      // committed: its insert waits on the unique index.
      Map<String, UUID> heldIds = new HashMap<>();
      List<CompletableFuture<Response>> held = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String externalId = "held-" + w + "-" + UUID.randomUUID();
        heldIds.put(externalId, insertUncommitted(holder, customer, externalId));
        Map<String, Object> body = interaction(customer);
        body.put("externalId", externalId);
        held.add(post(callers, body, "held-" + w));
        int blocked = w + 1;
        Awaitility.await().until(() -> writersWaitingOnLocks() == blocked);
      }

      // Thirty more arrive while no writer is free: valid, unknown, erased, and one external id
      // sent twice.
      Map<String, CompletableFuture<Response>> sent = new HashMap<>();
      for (int i = 0; i < 24; i++) {
        sent.put("valid-" + i, post(callers, interaction(i % 2 == 0 ? customer : other), null));
      }
      sent.put("unknown-0", post(callers, interaction(UUID.randomUUID()), null));
      sent.put("unknown-1", post(callers, interaction(UUID.randomUUID()), null));
      sent.put("erased-0", post(callers, interaction(Customers.erased()), null));
      sent.put("erased-1", post(callers, interaction(Customers.erased()), null));
      String twin = "twin-" + UUID.randomUUID();
      for (int i = 0; i < 2; i++) {
        Map<String, Object> body = interaction(other);
        body.put("externalId", twin);
        sent.put("twin-" + i, post(callers, body, null));
      }
      Awaitility.await().until(() -> metric("interactions_group_commit_waiting") == 30);

      // The holder wins the race for its external ids: each held request learns it from its
      // own retry, alone, as a 409 naming the holder's row.
      holder.commit();
      for (int w = 0; w < writers; w++) {
        Response response = held.get(w).join();
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(heldIds.values()).contains(UUID.fromString(response.path("existingId")));
      }

      Map<String, UUID> stored = new HashMap<>();
      sent.forEach(
          (name, future) -> {
            Response response = future.join();
            if (name.startsWith("valid-")) {
              assertThat(response.statusCode()).as(name).isEqualTo(201);
              stored.put(response.header("X-Request-Id"), UUID.fromString(response.path("id")));
            } else if (name.startsWith("unknown-")) {
              assertThat(response.statusCode()).as(name).isEqualTo(422);
              assertThat(response.<String>path("detail")).contains("unknown");
            } else if (name.startsWith("erased-")) {
              assertThat(response.statusCode()).as(name).isEqualTo(422);
              assertThat(response.<String>path("detail")).contains("erased");
            }
          });
      Response twin0 = sent.get("twin-0").join();
      Response twin1 = sent.get("twin-1").join();
      Response created = twin0.statusCode() == 201 ? twin0 : twin1;
      Response refused = created == twin0 ? twin1 : twin0;
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.<String>path("existingId")).isEqualTo(created.path("id"));
      stored.put(created.header("X-Request-Id"), UUID.fromString(created.path("id")));

      assertThat(stored).hasSize(25);
      assertThat(transactionsThatWrote(stored.values()))
          .as("25 touchpoints written by at most one transaction per writer")
          .isBetween(1, writers);
      // Each event still names the request that caused it, whichever thread wrote it.
      assertThat(requestIdsOfEvents(stored.values())).isEqualTo(invert(stored));
      assertThat(metric("interactions_group_commit_size_sum") - handedBefore)
          .isEqualTo(writers + 30);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aPostWithAnIdempotencyKeyIsNotGroupedSoItsKeyCommitsWithIt() {
    double handedBefore = metric("interactions_group_commit_size_sum");
    given()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "solo-" + UUID.randomUUID())
        .body(interaction(Customers.active()))
        .post("/interactions")
        .then()
        .statusCode(201);
    assertThat(metric("interactions_group_commit_size_sum")).isEqualTo(handedBefore);
  }

  private static CompletableFuture<Response> post(
      ExecutorService callers, Map<String, Object> body, String requestId) {
    String id = requestId == null ? "grouped-" + UUID.randomUUID() : requestId;
    return CompletableFuture.supplyAsync(
        () ->
            given()
                .contentType(ContentType.JSON)
                .header("X-Request-Id", id)
                .body(body)
                .post("/interactions")
                .thenReturn(),
        callers);
  }

  private static UUID insertUncommitted(Connection holder, UUID customer, String externalId)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        holder.prepareStatement(
            "INSERT INTO interaction (id, customer_id, occurred_at, recorded_at, channel,"
                + " department, type, external_id) VALUES (?, ?, ?, ?, 'EMAIL', 'BILLING',"
                + " 'INQUIRY', ?)")) {
      Timestamp now = Timestamp.from(Instant.now());
      insert.setObject(1, id);
      insert.setObject(2, customer);
      insert.setTimestamp(3, now);
      insert.setTimestamp(4, now);
      insert.setString(5, externalId);
      insert.executeUpdate();
    }
    return id;
  }

  private int writersWaitingOnLocks() throws SQLException {
    return queryInt(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND wait_event_type = 'Lock'");
  }

  private int transactionsThatWrote(Iterable<UUID> ids) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT count(DISTINCT xmin::text) FROM interaction WHERE id = ANY (?)")) {
      q.setArray(1, c.createArrayOf("uuid", toArray(ids)));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** interactionId -> the requestid its InteractionRecorded event carries. */
  private Map<UUID, String> requestIdsOfEvents(Iterable<UUID> ids) throws Exception {
    Set<UUID> wanted = new HashSet<>();
    ids.forEach(wanted::add);
    Map<UUID, String> found = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT payload FROM outbox_message WHERE event_type LIKE '%interaction.recorded%'"
                    + " ORDER BY position DESC LIMIT 500");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        JsonNode event = JSON.readTree(rs.getString(1));
        UUID id = UUID.fromString(event.path("data").path("interactionId").asText());
        if (wanted.contains(id)) {
          found.put(id, event.path("requestid").asText());
        }
      }
    }
    return found;
  }

  private int queryInt(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Object[] toArray(Iterable<UUID> ids) {
    List<UUID> list = new ArrayList<>();
    ids.forEach(list::add);
    return list.toArray();
  }

  private static Map<UUID, String> invert(Map<String, UUID> byRequest) {
    Map<UUID, String> inverted = new HashMap<>();
    byRequest.forEach((requestId, id) -> inverted.put(id, requestId));
    return inverted;
  }

  private static double metric(String name) {
    return ServiceMetrics.scrape().value(name);
  }
}
