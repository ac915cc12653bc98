package io.outsidein.e2e;

import io.outsidein.client.ApiException;
import io.outsidein.client.ApiResponse;
import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.Channel;
import io.outsidein.client.model.Department;
import io.outsidein.client.model.InteractionBatch;
import io.outsidein.client.model.InteractionType;
import io.outsidein.client.model.NewCustomer;
import io.outsidein.client.model.NewInteraction;
import io.outsidein.launcher.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small fixtures over the generated client, called with the local profile's demo keys. */
final class ClientFixtures {
  static final String AGENT = "local-agent-key";
  static final String ADMIN = "local-admin-key";

  final OutsideIn agent;
  final OutsideIn admin;

  ClientFixtures(Suite suite) {
    this.agent = OutsideIn.connect(suite.gatewayUrl(), AGENT);
    this.admin = OutsideIn.connect(suite.gatewayUrl(), ADMIN);
  }

  /** A call of the generated client, to read the status it answered. */
  @FunctionalInterface
  interface Call {
    ApiResponse<?> send() throws ApiException;
  }

  /** The HTTP status a call answered, whether it succeeded or not. */
  static int status(Call call) {
    try {
      return call.send().getStatusCode();
    } catch (ApiException e) {
      return e.getCode();
    }
  }

  /** Registers {@code n} customers in {@code segment} and returns their ids. */
  List<UUID> customers(int n, String segment) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NewCustomer customer =
          new NewCustomer()
              .displayName("Drill " + i)
              .email("drill-" + UUID.randomUUID() + "@example.com")
              .segment(segment);
      try {
        ids.add(agent.customers().registerCustomer(customer).getId());
      } catch (ApiException e) {
        throw new AssertionError("registering answered " + e.getCode() + ": " + e.getMessage(), e);
      }
    }
    return ids;
  }

  static NewInteraction visit(UUID customerId) {
    return new NewInteraction()
        .customerId(customerId)
        .channel(Channel.WEB)
        .department(Department.MARKETING)
        .type(InteractionType.VISIT)
        .summary("drill");
  }

  /** Records one touchpoint and returns the HTTP status. */
  int record(UUID customerId) {
    return status(
        () -> agent.interactions().recordInteractionWithHttpInfo(visit(customerId), null));
  }

  /** Records {@code perCustomer} visits for each customer in one batch (admin may batch). */
  void recordBatch(List<UUID> customers, int perCustomer) {
    InteractionBatch batch = new InteractionBatch();
    for (UUID customer : customers) {
      for (int i = 0; i < perCustomer; i++) {
        batch.addItemsItem(visit(customer));
      }
    }
    send(batch);
  }

  /** Records one touchpoint of the given type for each customer, in one batch. */
  void recordBatch(List<UUID> customers, InteractionType type) {
    InteractionBatch batch = new InteractionBatch();
    for (UUID customer : customers) {
      batch.addItemsItem(visit(customer).type(type));
    }
    send(batch);
  }

  private void send(InteractionBatch batch) {
    int status = status(() -> admin.interactions().recordInteractionBatchWithHttpInfo(batch));
    if (status != 200) {
      throw new AssertionError("the batch answered " + status);
    }
  }

  /** The number of interactions insight has counted for a customer (0 before its first event). */
  int countedByInsight(UUID customerId) {
    try {
      Integer counted =
          agent.insights().getCustomerInsights(customerId).getMetrics().getInteractions();
      return counted == null ? 0 : counted;
    } catch (ApiException e) {
      return 0;
    }
  }

  int countedByInsight(List<UUID> customers) {
    return customers.stream().mapToInt(this::countedByInsight).sum();
  }
}
