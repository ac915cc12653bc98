package io.outsidein.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.client.ApiException;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.CaseStatus;
import io.outsidein.client.model.Channel;
import io.outsidein.client.model.Customer;
import io.outsidein.client.model.CustomerCase;
import io.outsidein.client.model.CustomerInsights;
import io.outsidein.client.model.CustomerStatus;
import io.outsidein.client.model.Department;
import io.outsidein.client.model.Gesture;
import io.outsidein.client.model.GestureDecision;
import io.outsidein.client.model.GestureStatus;
import io.outsidein.client.model.GrantGesture;
import io.outsidein.client.model.GrantGestureAmount;
import io.outsidein.client.model.HandoffRequest;
import io.outsidein.client.model.Interaction;
import io.outsidein.client.model.InteractionType;
import io.outsidein.client.model.Journey;
import io.outsidein.client.model.NewCase;
import io.outsidein.client.model.NewCustomer;
import io.outsidein.client.model.NewInteraction;
import io.outsidein.client.model.NextBestAction;
import io.outsidein.client.model.Reason;
import io.outsidein.launcher.Suite;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A front-line walk through the public API with nothing but the client generated from it. */
@ExtendWith(SharedSuite.class)
class GeneratedClientWalkIT {
  private static OutsideIn agent;
  private static OutsideIn supervisor;

  @BeforeAll
  static void connect(Suite suite) {
    agent = OutsideIn.connect(suite.gatewayUrl(), "local-agent-key");
    supervisor = OutsideIn.connect(suite.gatewayUrl(), "local-supervisor-key");
  }

  @Test
  void walksAComplaintFromRegistrationToInsightWithTheGeneratedClient() throws ApiException {
    String email = "walk-" + UUID.randomUUID() + "@example.com";
    Customer customer =
        agent
            .customers()
            .registerCustomer(
                new NewCustomer().displayName("Walker Ada").email(email).segment("walk"));
    UUID id = customer.getId();
    assertThat(customer.getDisplayName()).isEqualTo("Walker Ada");
    assertThat(customer.getEmail()).isEqualTo(email);
    assertThat(customer.getSegment()).isEqualTo("walk");
    assertThat(customer.getStatus()).isEqualTo(CustomerStatus.ACTIVE);
    assertThat(customer.getCreatedBy()).isEqualTo("local-agent");

    Interaction complaint =
        agent
            .interactions()
            .recordInteraction(
                new NewInteraction()
                    .customerId(id)
                    .channel(Channel.PHONE)
                    .department(Department.SUPPORT)
                    .type(InteractionType.COMPLAINT)
                    .summary("Parcel arrived damaged")
                    .sentiment(-0.6),
                "walk-" + UUID.randomUUID());
    assertThat(complaint.getCustomerId()).isEqualTo(id);
    assertThat(complaint.getType()).isEqualTo(InteractionType.COMPLAINT);
    assertThat(complaint.getSentiment()).isEqualTo(-0.6);
    assertThat(complaint.getRecordedBy()).isEqualTo("local-agent");

    CustomerCase opened =
        agent
            .cases()
            .openCase(
                new NewCase()
                    .customerId(id)
                    .subject("Damaged parcel, refund requested")
                    .department(Department.SUPPORT));
    assertThat(opened.getStatus()).isEqualTo(CaseStatus.OPEN);
    assertThat(opened.getCurrentDepartment()).isEqualTo(Department.SUPPORT);
    assertThat(opened.getOpenedBy()).isEqualTo("local-agent");

    CustomerCase handedOff =
        agent
            .cases()
            .handOffCase(
                opened.getId(),
                new HandoffRequest().toDepartment(Department.BILLING).note("Refund needed"));
    assertThat(handedOff.getCurrentDepartment()).isEqualTo(Department.BILLING);
    assertThat(handedOff.getDepartments()).containsExactly(Department.SUPPORT, Department.BILLING);
    assertThat(handedOff.getHandoffs())
        .singleElement()
        .satisfies(
            handoff -> {
              assertThat(handoff.getFrom()).isEqualTo(Department.SUPPORT);
              assertThat(handoff.getTo()).isEqualTo(Department.BILLING);
              assertThat(handoff.getNote()).isEqualTo("Refund needed");
              assertThat(handoff.getHandedOffBy()).isEqualTo("local-agent");
            });

    Gesture within = agent.gestures().grantGesture(opened.getId(), gesture("20.00"));
    assertThat(within.getStatus()).isEqualTo(GestureStatus.APPROVED);
    assertThat(within.getAmount().getValue()).isEqualTo("20.00");
    assertThat(within.getAmount().getCurrency()).isEqualTo("EUR");
    assertThat(within.getLatitude()).isEqualTo("25.00");
    assertThat(within.getDecision().getRule()).hasToString("WITHIN_LATITUDE");
    assertThat(within.getDecision().getPolicyVersion()).isPositive();
    assertThat(agent.policies().getGoodwillPolicy().getCurrencies().get("EUR").getLatitude())
        .isEqualTo("25.00");

    Gesture held = agent.gestures().grantGesture(opened.getId(), gesture("30.00"));
    assertThat(held.getStatus()).isEqualTo(GestureStatus.PENDING_APPROVAL);
    assertThat(held.getDecidedBy()).isNull();
    assertThat(held.getDecision().getRule()).hasToString("ABOVE_LATITUDE");
    assertThat(held.getDecision().getDetail())
        .isEqualTo("30.00 EUR is above the latitude of 25.00 EUR for segment walk");

    Gesture approved =
        supervisor
            .gestures()
            .decideGesture(held.getId(), new GestureDecision().approve(true).note("Loyal"));
    assertThat(approved.getStatus()).isEqualTo(GestureStatus.APPROVED);
    assertThat(approved.getDecidedBy()).isEqualTo("local-supervisor");
    assertThat(approved.getDecisionNote()).isEqualTo("Loyal");

    CustomerInsights insights = awaitGestures(id, 2);
    assertThat(insights.getCustomerId()).isEqualTo(id);
    assertThat(insights.getSegment()).isEqualTo("walk");
    assertThat(insights.getMetrics().getInteractions()).isEqualTo(1);
    assertThat(insights.getMetrics().getOpenCases()).isEqualTo(1);
    assertThat(insights.getMetrics().getDepartmentsTouched())
        .containsExactlyInAnyOrder(Department.SUPPORT, Department.BILLING);
    assertThat(insights.getHealthScore()).isBetween(0, 99);
    assertThat(insights.getReasons()).extracting(Reason::getCode).contains("UNRESOLVED_COMPLAINT");
    assertThat(insights.getNextBestActions())
        .extracting(NextBestAction::getCode)
        .doesNotContain("GOODWILL_GESTURE");

    Journey journey = agent.customers().getCustomerJourney(id);
    assertThat(journey.getCustomer().getId()).isEqualTo(id);
    assertThat(journey.getCustomer().getEmail()).isEqualTo(email);
    assertThat(journey.getOpenCases())
        .singleElement()
        .satisfies(
            open -> {
              assertThat(open.getId()).isEqualTo(opened.getId());
              assertThat(open.getCurrentDepartment()).isEqualTo(Department.BILLING);
              assertThat(open.getHandoffs()).hasSize(1);
            });
    assertThat(journey.getTimeline())
        .extracting(Interaction::getId)
        .containsExactly(complaint.getId());
    assertThat(journey.getDegraded()).isEmpty();
    assertThat(journey.getInsights().getMetrics().getGesturesGranted()).isEqualTo(2);
    // The agent's own standing: the held gesture, approved by a supervisor, was not at once.
    assertThat(journey.getGoodwill().getActor()).isEqualTo("local-agent");
    assertThat(journey.getGoodwill().getCustomerId()).isEqualTo(id);
    assertThat(journey.getGoodwill().getCurrencies().get("EUR").getCustomerWindow().getApproved())
        .isEqualTo("20.00");
    assertThat(journey.getGoodwill().getLastGestures())
        .extracting(Gesture::getId)
        .containsExactly(held.getId(), within.getId());
    assertThat(journey.getGoodwill().getLastGestures().get(0).getDecidedBy())
        .isEqualTo("local-supervisor");
  }

  private static GrantGesture gesture(String value) {
    return new GrantGesture()
        .amount(new GrantGestureAmount().value(value).currency("EUR"))
        .reason("Parcel arrived damaged");
  }

  /** Insight is built from events: wait until it has counted both gestures. */
  private static CustomerInsights awaitGestures(UUID customerId, int gestures) {
    AtomicReference<CustomerInsights> last = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () -> {
              last.set(agent.insights().getCustomerInsights(customerId));
              return last.get().getMetrics().getGesturesGranted() == gestures;
            });
    return last.get();
  }
}
