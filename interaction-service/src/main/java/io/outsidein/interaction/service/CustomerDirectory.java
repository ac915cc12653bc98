package io.outsidein.interaction.service;

import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.interaction.domain.KnownCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the local list of known customers in step with customer-service's events. */
@ApplicationScoped
public class CustomerDirectory {

  @Transactional(Transactional.TxType.MANDATORY)
  public void registered(CustomerRegistered event) {
    if (KnownCustomer.findById(event.customerId()) == null) {
      KnownCustomer.of(event.customerId(), KnownCustomer.Status.ACTIVE).persist();
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void merged(CustomerMerged event) {
    KnownCustomer duplicate = findOrCreate(event.duplicateId());
    duplicate.status = KnownCustomer.Status.MERGED;
    duplicate.mergedInto = event.survivorId();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void erased(CustomerErased event) {
    findOrCreate(event.customerId()).status = KnownCustomer.Status.ERASED;
  }

  private KnownCustomer findOrCreate(java.util.UUID id) {
    KnownCustomer customer = KnownCustomer.findById(id);
    if (customer == null) {
      customer = KnownCustomer.of(id, KnownCustomer.Status.ACTIVE);
      customer.persist();
    }
    return customer;
  }
}
