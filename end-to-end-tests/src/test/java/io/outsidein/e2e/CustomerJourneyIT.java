package io.outsidein.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.client.ApiException;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.AttributesValue;
import io.outsidein.client.model.Channel;
import io.outsidein.client.model.ChurnRisk;
import io.outsidein.client.model.Customer;
import io.outsidein.client.model.CustomerInsights;
import io.outsidein.client.model.CustomerStatus;
import io.outsidein.client.model.Department;
import io.outsidein.client.model.GestureStatus;
import io.outsidein.client.model.GrantGesture;
import io.outsidein.client.model.GrantGestureAmount;
import io.outsidein.client.model.HandoffRequest;
import io.outsidein.client.model.InteractionType;
import io.outsidein.client.model.MergeRequest;
import io.outsidein.client.model.NewCase;
import io.outsidein.client.model.NewCustomer;
import io.outsidein.client.model.NewInteraction;
import io.outsidein.client.model.NextBestAction;
import io.outsidein.client.model.Rating;
import io.outsidein.client.model.Reason;
import io.outsidein.client.model.ResolutionRequest;
import io.outsidein.events.Topics;
import io.outsidein.launcher.Suite;
import io.outsidein.testing.EventProbe;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whole customer journeys through the public API, and what insight makes of each step. */
@ExtendWith(SharedSuite.class)
class CustomerJourneyIT {
  private static Suite suite;
  private static ClientFixtures api;
  private static OutsideIn agent;

  @BeforeAll
  static void connect(Suite shared) {
    suite = shared;
    api = new ClientFixtures(suite);
    agent = api.agent;
  }

  @Test
  void insightFollowsAComplaintBouncedAcrossThreeDepartmentsUntilItIsResolvedAndRated()
      throws ApiException {
    UUID id = api.customers(1, "journey").get(0);
    record(id, InteractionType.PURCHASE, Department.SALES, null, i -> i);
    CustomerInsights start = awaitInsight(id, i -> i.getMetrics().getInteractions() == 1);
    assertThat(start.getChurnRisk()).isEqualTo(ChurnRisk.LOW);
    int healthy = start.getHealthScore();

    UUID caseId =
        agent
            .cases()
            .openCase(
                new NewCase()
                    .customerId(id)
                    .subject("Parcel never arrived")
                    .department(Department.SALES))
            .getId();
    record(id, InteractionType.COMPLAINT, Department.SALES, caseId, i -> i.sentiment(-0.8));
    CustomerInsights complained =
        awaitInsight(id, i -> reasons(i).contains("UNRESOLVED_COMPLAINT"));
    assertThat(complained.getHealthScore()).isLessThan(healthy);
    assertThat(actions(complained)).contains("GOODWILL_GESTURE");

    handOff(caseId, Department.DELIVERY);
    handOff(caseId, Department.SUPPORT);
    CustomerInsights bounced = awaitInsight(id, i -> reasons(i).contains("MANY_HANDOFFS"));
    assertThat(bounced.getHealthScore()).isLessThan(complained.getHealthScore());
    assertThat(actions(bounced)).contains("ASSIGN_SINGLE_OWNER");

    GrantGesture gesture =
        new GrantGesture()
            .amount(new GrantGestureAmount().value("25.00").currency("EUR"))
            .reason("Sorry for the wait");
    assertThat(agent.gestures().grantGesture(caseId, gesture).getStatus())
        .isEqualTo(GestureStatus.APPROVED);
    awaitInsight(id, i -> !actions(i).contains("GOODWILL_GESTURE"));

    agent.cases().resolveCase(caseId, new ResolutionRequest().resolution("Parcel re-sent"));
    CustomerInsights resolved = awaitInsight(id, i -> !reasons(i).contains("UNRESOLVED_COMPLAINT"));
    assertThat(resolved.getHealthScore()).isGreaterThan(bounced.getHealthScore());
    assertThat(actions(resolved)).contains("ASK_FOR_FEEDBACK");

    record(
        id,
        InteractionType.FEEDBACK,
        Department.SUPPORT,
        caseId,
        i -> i.rating(new Rating().scale(Rating.ScaleEnum.CSAT).score(5)).sentiment(0.7));
    CustomerInsights rated = awaitInsight(id, i -> !actions(i).contains("ASK_FOR_FEEDBACK"));
    assertThat(rated.getMetrics().getInteractions()).isEqualTo(3);
    assertThat(rated.getMetrics().getOpenCases()).isZero();
    assertThat(rated.getMetrics().getDepartmentsTouched())
        .contains(Department.SALES, Department.SUPPORT);
  }

  @Test
  void erasureLeavesNoPersonalDataInAnyDatabaseNorOnTheTopics() throws Exception {
    String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String email = marker + "@example.com";
    UUID id =
        agent
            .customers()
            .registerCustomer(
                new NewCustomer()
                    .displayName("Erin " + marker)
                    .email(email)
                    .phone("+441234567890")
                    .externalRefs(Map.of("crm", marker))
                    .attributes(Map.of("note", new AttributesValue(marker))))
            .getId();
    UUID caseId =
        agent
            .cases()
            .openCase(
                new NewCase()
                    .customerId(id)
                    .subject("Case " + marker)
                    .department(Department.SUPPORT))
            .getId();
    record(id, InteractionType.COMPLAINT, Department.SUPPORT, caseId, i -> i);
    agent
        .interactions()
        .recordInteraction(
            new NewInteraction()
                .customerId(id)
                .channel(Channel.EMAIL)
                .department(Department.SUPPORT)
                .type(InteractionType.INQUIRY)
                .summary("Wrote " + marker)
                .attributes(Map.of("topic", new AttributesValue(marker))),
            null);
    awaitInsight(id, i -> i.getMetrics().getInteractions() == 2);
    assertThat(rowsMentioning(marker)).as("personal data is stored before erasure").isNotEmpty();

    // Through the generated client, whose Accept for a 204 names only problems.
    api.admin.customers().eraseCustomer(id);

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(rowsMentioning(marker)).isEmpty());
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        ClientFixtures.status(
                            () -> agent.insights().getCustomerInsightsWithHttpInfo(id)))
                    .isEqualTo(404));
    assertThat(ClientFixtures.status(() -> agent.customers().getCustomerWithHttpInfo(id)))
        .isEqualTo(410);
    for (String topic : List.of(Topics.CUSTOMER_EVENTS, Topics.INTERACTION_EVENTS)) {
      try (EventProbe probe = EventProbe.on(suite.broker().bootstrapServers(), topic)) {
        probe.await(e -> id.toString().equals(e.subject()), Duration.ofSeconds(20));
        assertThat(probe.records())
            .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker));
      }
    }
  }

  @Test
  void mergeMovesHistoryAndInsightToTheSurvivor() throws ApiException {
    List<UUID> pair = api.customers(2, "merge");
    UUID survivor = pair.get(0);
    UUID duplicate = pair.get(1);
    record(survivor, InteractionType.PURCHASE, Department.SALES, null, i -> i);
    record(survivor, InteractionType.VISIT, Department.MARKETING, null, i -> i);
    for (int i = 0; i < 3; i++) {
      record(duplicate, InteractionType.INQUIRY, Department.SUPPORT, null, n -> n);
    }
    awaitInsight(duplicate, i -> i.getMetrics().getInteractions() == 3);

    api.admin.customers().mergeCustomer(survivor, new MergeRequest().duplicateId(duplicate));

    CustomerInsights merged = awaitInsight(survivor, i -> i.getMetrics().getInteractions() == 5);
    assertThat(merged.getMetrics().getDepartmentsTouched())
        .contains(Department.SUPPORT, Department.SALES);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        agent
                            .interactions()
                            .listCustomerInteractions(
                                survivor, null, null, null, null, null, 50, null)
                            .getItems())
                    .hasSize(5));
    Customer gone = agent.customers().getCustomer(duplicate);
    assertThat(gone.getStatus()).isEqualTo(CustomerStatus.MERGED);
    assertThat(gone.getMergedInto()).isEqualTo(survivor);
  }

  /** Records a phone touchpoint, with what {@code extra} adds to it. */
  private static void record(
      UUID customerId,
      InteractionType type,
      Department department,
      UUID caseId,
      UnaryOperator<NewInteraction> extra)
      throws ApiException {
    NewInteraction touch =
        new NewInteraction()
            .customerId(customerId)
            .channel(Channel.PHONE)
            .department(department)
            .type(type)
            .caseId(caseId);
    agent.interactions().recordInteraction(extra.apply(touch), null);
  }

  private static void handOff(UUID caseId, Department to) throws ApiException {
    agent.cases().handOffCase(caseId, new HandoffRequest().toDepartment(to).note("Passing it on"));
  }

  private static CustomerInsights awaitInsight(
      UUID customerId, Predicate<CustomerInsights> condition) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              try {
                return agent.insights().getCustomerInsights(customerId);
              } catch (ApiException notYet) {
                return null;
              }
            },
            insight -> insight != null && condition.test(insight));
  }

  private static List<String> reasons(CustomerInsights insight) {
    return insight.getReasons().stream().map(Reason::getCode).toList();
  }

  private static List<String> actions(CustomerInsights insight) {
    return insight.getNextBestActions().stream().map(NextBestAction::getCode).toList();
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
