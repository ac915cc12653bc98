package io.outsidein.insight.service;

import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.insight.domain.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps insight's view of each customer up to date from customer events. */
@ApplicationScoped
public class ProfileService {

  @Transactional(Transactional.TxType.MANDATORY)
  public void registered(CustomerRegistered event) {
    CustomerProfile profile = CustomerProfile.findById(event.customerId());
    if (profile == null) {
      profile = new CustomerProfile();
      profile.customerId = event.customerId();
      profile.status = "ACTIVE";
      profile.registeredAt = event.registeredAt();
    }
    profile.segment = event.segment();
    profile.persist();
  }
}
