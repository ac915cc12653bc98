package io.outsidein.interaction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import io.outsidein.events.customer.Consents;
import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.interaction.domain.KnownCustomer;
import io.outsidein.interaction.support.FakeCustomerService;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** interaction-service learns which customers exist from customer events on the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
// Not asked here; with it the class shares the other classes' start.
@WithTestResource(value = FakeCustomerService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomerDirectoryTest {

  @Test
  void learnsOfARegisteredCustomerAndOfItsErasure() {
    UUID id = UUID.randomUUID();
    try (EventPublisher publisher =
        EventPublisher.to(TestInfrastructure.shared().broker().bootstrapServers())) {
      publisher.publish(new CustomerRegistered(id, "smb", Consents.NONE, Instant.now()));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> status(id) == KnownCustomer.Status.ACTIVE);

      publisher.publish(new CustomerErased(id, Instant.now()));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> status(id) == KnownCustomer.Status.ERASED);
    }
    assertThat(status(id)).isEqualTo(KnownCustomer.Status.ERASED);
  }

  @Test
  void startsWithHealthAndOpenApi() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.name",
            hasItems("Database connections health check", "Kafka connection health check"));
    given().when().get("/q/openapi").then().statusCode(200);
  }

  private static KnownCustomer.Status status(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              KnownCustomer customer = KnownCustomer.findById(id);
              return customer == null ? null : customer.status;
            });
  }
}
