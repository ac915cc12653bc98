package io.outsidein.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.events.Topics;
import io.outsidein.infra.TcpProxy;
import io.outsidein.launcher.Suite;
import io.outsidein.prometheus.Scrape;
import io.outsidein.testing.ServiceMetrics;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault drills over real processes: a broker, a consumer, a producer and a database fail in the
 * middle of the work, and nothing is lost or counted twice; the public journey degrades instead of
 * failing. Each drill uses its own customers. The drills have a suite of their own: a drill that
 * failed half-way would leave a shared one broken for every class after it.
 */
class FaultDrillsIT {
  private static final String AGENT = "Bearer local-agent-key";

  /** insight-service's consumer group (outsidein.inbox.group, its application name). */
  private static final String INSIGHT_GROUP = "insight-service";

  private static Suite suite;
  private static ClientFixtures api;

  @BeforeAll
  static void startSuite() {
    suite = RunningSuite.start();
    api = new ClientFixtures(suite);
  }

  @AfterAll
  static void stopSuite() {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  void everyWriteReachesInsightExactlyOnceWhenTheBrokerIsKilledDuringTwoThousandWrites()
      throws Exception {
    List<UUID> customers = api.customers(20, "drill-broker");
    AtomicInteger accepted = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(8);
    List<Future<Integer>> writes = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      UUID customer = customers.get(i % customers.size());
      writes.add(writers.submit(() -> api.record(customer)));
    }
    // Kill the broker once a quarter of the writes are in, keep it down a while, bring it back.
    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> writes.stream().filter(Future::isDone).count() >= 500);
    suite.broker().kill();
    Thread.sleep(3_000);
    suite.broker().start();
    for (Future<Integer> write : writes) {
      if (write.get() == 201) {
        accepted.incrementAndGet();
      }
    }
    writers.shutdown();

    assertThat(accepted.get())
        .as("writes accepted while the broker was down or back")
        .isEqualTo(2_000);
    awaitCounted(customers, 2_000, Duration.ofMinutes(3));
    assertStillCounted(customers, 2_000);
  }

  @Test
  void theOutboxBacklogShowsABrokerOutageAndEmptiesWhenTheBrokerIsBack() throws Exception {
    List<UUID> customers = api.customers(5, "drill-backlog");
    String interactions = suite.serviceUrl(Suite.INTERACTION);
    suite.broker().kill();
    try {
      for (int i = 0; i < 30; i++) {
        assertThat(api.record(customers.get(i % customers.size()))).isEqualTo(201);
      }
      // The relay's attempt fails once the producer's delivery timeout (15 s) is up; the rows it
      // could not send must then show, with their age, while the broker is still down.
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                Scrape metrics = ServiceMetrics.scrape(interactions);
                assertThat(metrics.value("outbox_backlog")).isGreaterThanOrEqualTo(30);
                assertThat(metrics.value("outbox_oldest_unsent_age_seconds")).isPositive();
              });
    } finally {
      suite.broker().start();
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> assertThat(ServiceMetrics.scrape(interactions).value("outbox_backlog")).isZero());
    awaitCounted(customers, 30, Duration.ofMinutes(2));
  }

  @Test
  void insightRestartedMidStreamEndsWithTheNumbersOfAnUndisturbedRun() throws Exception {
    List<UUID> customers = api.customers(10, "drill-consumer");
    api.recordBatch(customers, 100);
    // The batch is stored; kill insight mid-stream, once it has counted some of it.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> api.countedByInsight(customers) > 0);
    suite.killService(Suite.INSIGHT);
    api.recordBatch(customers, 50);
    suite.startService(Suite.INSIGHT);
    suite.awaitReady(Duration.ofSeconds(90));

    awaitCounted(customers, 1_500, Duration.ofMinutes(2));
    for (UUID customer : customers) {
      assertThat(api.countedByInsight(customer)).isEqualTo(150);
    }
    assertStillCounted(customers, 1_500);
  }

  @Test
  void aProducerKilledWhileRelayingLosesNoEventAndDuplicatesNone() throws Exception {
    List<UUID> customers = api.customers(10, "drill-producer");
    api.recordBatch(customers, 100);
    // The outbox rows are committed; kill interaction-service while its relay publishes them.
    suite.killService(Suite.INTERACTION);
    suite.startService(Suite.INTERACTION);
    suite.awaitReady(Duration.ofSeconds(90));

    int stored = storedInteractions(customers);
    assertThat(stored).isEqualTo(1_000);
    awaitCounted(customers, stored, Duration.ofMinutes(2));
    assertStillCounted(customers, stored);
  }

  @Test
  void aServiceCutOffFromItsDatabaseAnswers503QuicklyAndRecoversByItself() {
    UUID id = api.customers(1, "drill-database").get(0);
    TcpProxy proxy = TcpProxy.to(suite.postgres().host(), suite.postgres().port());
    try {
      suite.stopService(Suite.CUSTOMER);
      suite.startService(
          Suite.CUSTOMER,
          Map.of(
              "QUARKUS_DATASOURCE_JDBC_URL",
              "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + suite.database(Suite.CUSTOMER),
              "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT",
              "2S"));
      suite.awaitReady(Duration.ofSeconds(90));
      String service = suite.serviceUrl(Suite.CUSTOMER);
      given().baseUri(service).get("/customers/{id}", id).then().statusCode(200);

      proxy.cut();
      long started = System.nanoTime();
      given()
          .baseUri(service)
          .get("/customers/{id}", id)
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", org.hamcrest.Matchers.notNullValue());
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> given().baseUri(service).get("/q/health/ready").then().statusCode(503));
      // Through the gateway the caller sees the same clear answer.
      assertThat(ClientFixtures.status(() -> api.agent.customers().getCustomerWithHttpInfo(id)))
          .isEqualTo(503);

      proxy.restore();
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> given().baseUri(service).get("/customers/{id}", id).then().statusCode(200));
      given().baseUri(service).get("/q/health/ready").then().statusCode(200);
    } finally {
      // Put customer-service back on its direct connection for the drills that follow.
      suite.stopService(Suite.CUSTOMER);
      proxy.close();
      suite.startService(Suite.CUSTOMER);
      suite.awaitReady(Duration.ofSeconds(90));
    }
  }

  @Test
  void theJourneyIsAnsweredWithinTheBoundWhileInsightServiceIsDown() throws Exception {
    UUID id = api.customers(1, "drill-degraded").get(0);
    journey(id).statusCode(200).body("customer.id", equalTo(id.toString()));

    suite.stopService(Suite.INSIGHT);
    try {
      journey(id)
          .time(lessThan(1500L))
          .statusCode(200)
          .body("customer.id", equalTo(id.toString()))
          .body("insights", nullValue())
          .body("degraded", hasItem("insights"));
    } finally {
      suite.startService(Suite.INSIGHT);
      suite.awaitReady(Duration.ofSeconds(120));
    }
  }

  private static ValidatableResponse journey(UUID id) {
    return given()
        .baseUri(suite.gatewayUrl())
        .header("Authorization", AGENT)
        .when()
        .get("/api/v1/customers/{id}/journey", id)
        .then();
  }

  @Test
  void twoInsightInstancesShareThePartitionsAndCountLikeOne() throws Exception {
    String second = suite.addInstance(Suite.INSIGHT);
    try {
      suite.awaitReady(Duration.ofSeconds(90));
      List<UUID> customers =
          api.customers(30, "drill-scale-" + UUID.randomUUID().toString().substring(0, 6));
      api.recordBatch(customers, 20);

      awaitCounted(customers, 600, Duration.ofMinutes(2));
      assertStillCounted(customers, 600);
      double first = assignedPartitions(suite.serviceUrl(Suite.INSIGHT));
      double other = assignedPartitions(suite.serviceUrl(second));
      assertThat(first).as("partitions of the first instance").isPositive();
      assertThat(other).as("partitions of the second instance").isPositive();
    } finally {
      suite.stopService(second);
    }
  }

  private static double assignedPartitions(String serviceUrl) {
    return ServiceMetrics.scrape(serviceUrl).sum("kafka_consumer_coordinator_assigned_partitions");
  }

  private static void awaitCounted(List<UUID> customers, int expected, Duration atMost) {
    Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(api.countedByInsight(customers)).isEqualTo(expected));
  }

  /**
   * After the count is reached, a redelivery would show up as more: once interaction-service has
   * nothing left to publish and insight-service nothing left to consume, look again.
   */
  private static void assertStillCounted(List<UUID> customers, int expected) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(
                      ServiceMetrics.scrape(suite.serviceUrl(Suite.INTERACTION))
                          .value("outbox_backlog"))
                  .isZero();
              assertThat(insightLag()).as("events insight-service has yet to consume").isZero();
            });
    assertThat(api.countedByInsight(customers)).isEqualTo(expected);
  }

  /** Records on the interaction topic after insight-service's committed offsets. */
  private static long insightLag() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.broker().bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(INSIGHT_GROUP)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      admin
          .describeTopics(List.of(Topics.INTERACTION_EVENTS))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get(Topics.INTERACTION_EVENTS)
          .partitions()
          .forEach(
              p ->
                  ends.put(
                      new TopicPartition(Topics.INTERACTION_EVENTS, p.partition()),
                      OffsetSpec.latest()));
      long lag = 0;
      for (var end : admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    }
  }

  private static int storedInteractions(List<UUID> customers) throws Exception {
    try (Connection c = suite.postgres().connect(suite.database(Suite.INTERACTION));
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM interaction WHERE customer_id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("uuid", customers.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
