package io.outsidein.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.outsidein.client.ApiException;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.CustomerCase;
import io.outsidein.client.model.Department;
import io.outsidein.client.model.Gesture;
import io.outsidein.client.model.GestureDecision;
import io.outsidein.client.model.GestureStatus;
import io.outsidein.client.model.GoodwillStanding;
import io.outsidein.client.model.GrantGesture;
import io.outsidein.client.model.GrantGestureAmount;
import io.outsidein.client.model.NewCase;
import io.outsidein.client.model.NewCustomer;
import io.outsidein.launcher.Suite;
import io.outsidein.testing.StubIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people signed in with the identity provider work through the real suite: an agent grants
 * within the policy until the customer's window is used up, a supervisor decides what was held, and
 * each gesture names the person who granted it and the one who decided it. The gateway verifies
 * their tokens with the issuer's published keys, like a production provider's.
 */
@ExtendWith(SharedSuite.class)
class SignInIT {
  private final String agentName = "ada.agent-" + UUID.randomUUID().toString().substring(0, 8);
  private final String supervisorName =
      "grace.supervisor-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void anAgentGrantsUntilTheWindowIsUsedAndASupervisorDecidesWhatWasHeld(
      Suite suite, StubIssuer issuer) throws ApiException {
    OutsideIn agent =
        OutsideIn.connect(suite.gatewayUrl(), issuer.sign(issuer.person(agentName, "agent")));
    OutsideIn supervisor =
        OutsideIn.connect(
            suite.gatewayUrl(), issuer.sign(issuer.person(supervisorName, "supervisor")));
    var eur = agent.policies().getGoodwillPolicy().getCurrencies().get("EUR");
    assertThat(eur.getLatitude()).as("the default latitude").isEqualTo("25.00");
    assertThat(eur.getCustomerWindow().getAmount()).as("the default window").isEqualTo("50.00");

    UUID customer =
        agent
            .customers()
            .registerCustomer(
                new NewCustomer()
                    .displayName("Signed-in Ada")
                    .email("sign-in-" + UUID.randomUUID() + "@example.com")
                    .segment("sign-in"))
            .getId();
    CustomerCase opened =
        agent
            .cases()
            .openCase(
                new NewCase()
                    .customerId(customer)
                    .subject("Parcel lost twice")
                    .department(Department.SUPPORT));

    Gesture first = agent.gestures().grantGesture(opened.getId(), gesture("25.00"));
    Gesture second = agent.gestures().grantGesture(opened.getId(), gesture("25.00"));
    assertThat(first.getStatus()).isEqualTo(GestureStatus.APPROVED);
    assertThat(second.getStatus()).isEqualTo(GestureStatus.APPROVED);
    assertThat(second.getGrantedBy()).isEqualTo(agentName);

    Gesture beyondWindow = agent.gestures().grantGesture(opened.getId(), gesture("10.00"));
    assertThat(beyondWindow.getStatus()).isEqualTo(GestureStatus.PENDING_APPROVAL);
    assertThat(beyondWindow.getDecision().getRule()).hasToString("CUSTOMER_WINDOW_EXCEEDED");
    assertThat(beyondWindow.getGrantedBy()).isEqualTo(agentName);

    Gesture aboveLatitude = agent.gestures().grantGesture(opened.getId(), gesture("40.00"));
    assertThat(aboveLatitude.getStatus()).isEqualTo(GestureStatus.PENDING_APPROVAL);
    assertThat(aboveLatitude.getDecision().getRule()).hasToString("ABOVE_LATITUDE");
    assertThat(aboveLatitude.getGrantedBy()).isEqualTo(agentName);

    assertThat(
            ClientFixtures.status(
                () ->
                    agent
                        .gestures()
                        .decideGestureWithHttpInfo(
                            beyondWindow.getId(), new GestureDecision().approve(true))))
        .as("an agent deciding their own gesture")
        .isEqualTo(403);

    Gesture approved =
        supervisor
            .gestures()
            .decideGesture(
                beyondWindow.getId(), new GestureDecision().approve(true).note("Lost twice"));
    assertThat(approved.getStatus()).isEqualTo(GestureStatus.APPROVED);
    assertThat(approved.getGrantedBy()).isEqualTo(agentName);
    assertThat(approved.getDecidedBy()).isEqualTo(supervisorName);
    Gesture approvedAbove =
        supervisor
            .gestures()
            .decideGesture(aboveLatitude.getId(), new GestureDecision().approve(true));
    assertThat(approvedAbove.getDecidedBy()).isEqualTo(supervisorName);

    GoodwillStanding standing = agent.gestures().getGoodwillStanding(customer);
    assertThat(standing.getActor()).isEqualTo(agentName);
    assertThat(standing.getLastGestures())
        .extracting(Gesture::getGrantedBy)
        .containsOnly(agentName)
        .hasSize(4);
    assertThat(standing.getLastGestures())
        .filteredOn(g -> g.getDecidedBy() != null)
        .extracting(Gesture::getId, Gesture::getDecidedBy)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(beyondWindow.getId(), supervisorName),
            org.assertj.core.groups.Tuple.tuple(aboveLatitude.getId(), supervisorName));
  }

  @Test
  void refusesTheAgentsExpiredTokenWith401(Suite suite, StubIssuer issuer) {
    Instant now = Instant.now();
    String expired =
        issuer.sign(
            issuer
                .person(agentName, "agent")
                .issuedAt(now.minus(Duration.ofHours(9)))
                .expiresAt(now.minus(Duration.ofHours(1))));

    given()
        .baseUri(suite.gatewayUrl())
        .header("Authorization", "Bearer " + expired)
        .when()
        .get("/api/v1/policies/goodwill")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .header("X-Request-Id", notNullValue())
        .body("status", equalTo(401));
  }

  private static GrantGesture gesture(String value) {
    return new GrantGesture()
        .amount(new GrantGestureAmount().value(value).currency("EUR"))
        .reason("Parcel lost");
  }
}
