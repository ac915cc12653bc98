package io.outsidein.customer.service;

import io.outsidein.customer.domain.Customer;
import io.outsidein.customer.domain.CustomerStatus;
import io.outsidein.events.customer.CustomerErased;
import io.outsidein.idempotency.IdempotentRequests;
import io.outsidein.kit.actor.Actor;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The right to be forgotten: wipes a customer's personal data from the row itself (not only from
 * the API) and tells the other services, which forget what they hold on the customer-erased event.
 */
@ApplicationScoped
public class CustomerErasure {
  private final Outbox outbox;
  private final IdempotentRequests idempotentRequests;
  private final Clock clock;

  CustomerErasure(Outbox outbox, IdempotentRequests idempotentRequests, Clock clock) {
    this.outbox = outbox;
    this.idempotentRequests = idempotentRequests;
    this.clock = clock;
  }

  /** Erases a customer; erasing an erased customer again changes nothing. */
  @Transactional
  public void erase(UUID id) {
    Customer customer =
        Customer.<Customer>findByIdOptional(id).orElseThrow(() -> CustomerService.notFound(id));
    if (customer.status == CustomerStatus.ERASED) {
      return;
    }
    Instant now = clock.instant();
    customer.displayName = null;
    customer.email = null;
    customer.phone = null;
    customer.locale = null;
    customer.externalRefs.clear();
    customer.attributes = null;
    customer.consentMarketing = false;
    customer.consentAnalytics = false;
    customer.status = CustomerStatus.ERASED;
    customer.erasureRequestedBy = Actor.currentOrUnknown();
    customer.changedBy(customer.erasureRequestedBy, now);
    // The stored first response of the create holds the name and email: it goes now.
    idempotentRequests.forget(CustomerService.IDEMPOTENCY_SCOPE, "/customers/" + id);
    outbox.record(new CustomerErased(id, now));
  }
}
