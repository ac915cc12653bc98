package io.outsidein.customer.service;

import io.outsidein.customer.domain.Customer;
import io.outsidein.customer.domain.CustomerStatus;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerUpdated;
import io.outsidein.kit.actor.Actor;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Folds a duplicate profile into a survivor: the duplicate becomes MERGED, its external references
 * and the fields the survivor lacks move over, and a customer-merged event names both ids.
 */
@ApplicationScoped
public class CustomerMerger {
  static final int MAX_ATTRIBUTES = 50;

  private final Outbox outbox;
  private final EntityManager entityManager;
  private final Clock clock;

  CustomerMerger(Outbox outbox, EntityManager entityManager, Clock clock) {
    this.outbox = outbox;
    this.entityManager = entityManager;
    this.clock = clock;
  }

  @Transactional
  public Customer merge(UUID survivorId, UUID duplicateId) {
    if (survivorId.equals(duplicateId)) {
      throw ProblemException.conflict("a customer cannot be merged into itself", Map.of());
    }
    lockInIdOrder(survivorId, duplicateId);
    Customer survivor = mergeable(survivorId);
    Customer duplicate = mergeable(duplicateId);
    Instant now = clock.instant();

    // The duplicate gives up what moves, and leaves the ACTIVE set, before the survivor takes it:
    // the unique indexes on email and external references never see two holders.
    Map<String, String> refs = new LinkedHashMap<>(duplicate.externalRefs);
    refs.keySet().removeAll(survivor.externalRefs.keySet());
    duplicate.externalRefs.keySet().removeAll(refs.keySet());
    String email = survivor.email == null ? duplicate.email : null;
    String phone = survivor.phone == null ? duplicate.phone : null;
    String locale = survivor.locale == null ? duplicate.locale : null;
    Map<String, Object> attributes = movingAttributes(survivor, duplicate);
    if (email != null) {
      duplicate.email = null;
    }
    if (phone != null) {
      duplicate.phone = null;
    }
    if (locale != null) {
      duplicate.locale = null;
    }
    if (!attributes.isEmpty()) {
      Map<String, Object> left = new LinkedHashMap<>(duplicate.attributes);
      left.keySet().removeAll(attributes.keySet());
      duplicate.attributes = left.isEmpty() ? null : left;
    }
    duplicate.status = CustomerStatus.MERGED;
    duplicate.mergedInto = survivor.id;
    String actor = Actor.currentOrUnknown();
    duplicate.changedBy(actor, now);
    CustomerService.flush();

    List<String> changed = new ArrayList<>();
    if (!refs.isEmpty()) {
      survivor.externalRefs.putAll(refs);
      changed.add("externalRefs");
    }
    if (email != null) {
      survivor.email = email;
      changed.add("email");
    }
    if (phone != null) {
      survivor.phone = phone;
      changed.add("phone");
    }
    if (locale != null) {
      survivor.locale = locale;
      changed.add("locale");
    }
    if (!attributes.isEmpty()) {
      Map<String, Object> all =
          survivor.attributes == null
              ? new LinkedHashMap<>()
              : new LinkedHashMap<>(survivor.attributes);
      all.putAll(attributes);
      survivor.attributes = all;
      changed.add("attributes");
    }
    if (!changed.isEmpty()) {
      survivor.changedBy(actor, now);
    }
    CustomerService.flush();

    outbox.record(new CustomerMerged(survivor.id, duplicate.id, now));
    if (!changed.isEmpty()) {
      outbox.record(new CustomerUpdated(survivor.id, changed, now));
    }
    return survivor;
  }

  /** Two merges of the same pair in opposite directions must queue, not deadlock. */
  private void lockInIdOrder(UUID a, UUID b) {
    entityManager
        .createNativeQuery("SELECT id FROM customer WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
        .setParameter("a", a)
        .setParameter("b", b)
        .getResultList();
  }

  private static Customer mergeable(UUID id) {
    Customer customer =
        Customer.<Customer>findByIdOptional(id).orElseThrow(() -> CustomerService.notFound(id));
    if (!customer.isActive()) {
      throw ProblemException.conflict(
          "customer " + id + " is " + customer.status + " and cannot take part in a merge",
          Map.of("customerId", id, "customerStatus", customer.status.name()));
    }
    return customer;
  }

  /** The duplicate's attributes the survivor lacks, as many as fit under the limit. */
  private static Map<String, Object> movingAttributes(Customer survivor, Customer duplicate) {
    Map<String, Object> moving = new LinkedHashMap<>();
    if (duplicate.attributes == null) {
      return moving;
    }
    int room = MAX_ATTRIBUTES - (survivor.attributes == null ? 0 : survivor.attributes.size());
    for (Map.Entry<String, Object> entry : duplicate.attributes.entrySet()) {
      if (moving.size() >= room) {
        break;
      }
      if (survivor.attributes == null || !survivor.attributes.containsKey(entry.getKey())) {
        moving.put(entry.getKey(), entry.getValue());
      }
    }
    return moving;
  }
}
