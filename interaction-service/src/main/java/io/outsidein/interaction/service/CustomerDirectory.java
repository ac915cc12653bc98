package io.outsidein.interaction.service;

import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.idempotency.IdempotentRequests;
import io.outsidein.interaction.domain.KnownCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Keeps the local list of known customers in step with customer-service's events, and applies
 * merges and erasures to this service's records. Runs inside the inbox's transaction, which also
 * records the event id: a redelivered event changes nothing.
 */
@ApplicationScoped
public class CustomerDirectory {
  private final EntityManager entityManager;
  private final IdempotentRequests idempotentRequests;

  CustomerDirectory(EntityManager entityManager, IdempotentRequests idempotentRequests) {
    this.entityManager = entityManager;
    this.idempotentRequests = idempotentRequests;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void registered(CustomerRegistered event) {
    KnownCustomer customer = KnownCustomer.findById(event.customerId());
    if (customer == null) {
      customer = KnownCustomer.of(event.customerId(), KnownCustomer.Status.ACTIVE);
      customer.segment = event.segment();
      customer.persist();
    } else if (customer.segment == null) {
      // Learned from customer-service before this event arrived, or created by a merge/erasure.
      customer.segment = event.segment();
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void segmentChanged(CustomerSegmentChanged event) {
    findOrCreate(event.customerId()).segment = event.to();
  }

  /**
   * The duplicate's interactions, cases, gestures and actions move to the survivor; its experiment
   * enrolments are dropped, since the survivor's own arms are what the goodwill policy follows.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void merged(CustomerMerged event) {
    KnownCustomer duplicate = findOrCreate(event.duplicateId());
    duplicate.status = KnownCustomer.Status.MERGED;
    duplicate.mergedInto = event.survivorId();
    findOrCreate(event.survivorId());
    // The same external touchpoint held by both: the survivor's copy keeps the external id.
    update(
        "UPDATE interaction d SET external_id = NULL WHERE d.customer_id = :duplicate"
            + " AND d.external_id IS NOT NULL AND EXISTS (SELECT 1 FROM interaction s"
            + " WHERE s.customer_id = :survivor AND s.external_id = d.external_id)",
        event);
    update("UPDATE interaction SET customer_id = :survivor WHERE customer_id = :duplicate", event);
    update("UPDATE support_case SET customer_id = :survivor WHERE customer_id = :duplicate", event);
    update("UPDATE gesture SET customer_id = :survivor WHERE customer_id = :duplicate", event);
    update("UPDATE action_taken SET customer_id = :survivor WHERE customer_id = :duplicate", event);
    delete("DELETE FROM experiment_enrolment WHERE customer_id = :id", event.duplicateId());
  }

  /**
   * The customer's interactions, cases (with handoffs), gestures, actions and experiment enrolments
   * are deleted, with the stored responses to their create requests, which hold free text.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void erased(CustomerErased event) {
    KnownCustomer customer = findOrCreate(event.customerId());
    customer.status = KnownCustomer.Status.ERASED;
    customer.segment = null;
    UUID id = event.customerId();
    delete("DELETE FROM gesture WHERE customer_id = :id", id);
    delete("DELETE FROM action_taken WHERE customer_id = :id", id);
    delete("DELETE FROM experiment_enrolment WHERE customer_id = :id", id);
    delete(
        "DELETE FROM case_handoff WHERE case_id IN (SELECT id FROM support_case WHERE customer_id = :id)",
        id);
    delete("DELETE FROM interaction WHERE customer_id = :id", id);
    delete("DELETE FROM support_case WHERE customer_id = :id", id);
    // Stored first responses of creates hold free text about this customer.
    idempotentRequests.forgetResponsesMentioning(id);
  }

  private void update(String sql, CustomerMerged event) {
    entityManager
        .createNativeQuery(sql)
        .setParameter("survivor", event.survivorId())
        .setParameter("duplicate", event.duplicateId())
        .executeUpdate();
  }

  private void delete(String sql, UUID id) {
    entityManager.createNativeQuery(sql).setParameter("id", id).executeUpdate();
  }

  private KnownCustomer findOrCreate(UUID id) {
    KnownCustomer customer = KnownCustomer.findById(id);
    if (customer == null) {
      customer = KnownCustomer.of(id, KnownCustomer.Status.ACTIVE);
      customer.persist();
    }
    return customer;
  }
}
