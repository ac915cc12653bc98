package io.outsidein.customer.service;

import io.outsidein.customer.domain.Customer;
import io.outsidein.customer.domain.CustomerStatus;
import io.outsidein.events.customer.Consents;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Registers and reads customers; every change writes its event in the same transaction. */
@ApplicationScoped
public class CustomerService {
  public static final String DEFAULT_SEGMENT = "general";

  private final Outbox outbox;
  private final Clock clock;

  CustomerService(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public Customer register(NewCustomer request) {
    String email = request.email() == null ? null : request.email().toLowerCase(Locale.ROOT);
    if (email != null) {
      Customer.findActiveByEmail(email)
          .ifPresent(
              existing -> {
                throw ProblemException.conflict(
                    "a customer with this email exists", Map.of("existingId", existing.id));
              });
    }
    Instant now = clock.instant();
    Customer customer = new Customer();
    customer.id = UUID.randomUUID();
    customer.displayName = request.displayName();
    customer.email = email;
    customer.segment = request.segment() == null ? DEFAULT_SEGMENT : request.segment();
    customer.status = CustomerStatus.ACTIVE;
    customer.createdAt = now;
    customer.updatedAt = now;
    customer.persist();
    outbox.record(new CustomerRegistered(customer.id, customer.segment, Consents.NONE, now));
    return customer;
  }

  public Optional<Customer> find(UUID id) {
    return Customer.findByIdOptional(id);
  }
}
