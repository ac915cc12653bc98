package io.outsidein.insight.messaging;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.inbox.EventHandler;
import io.outsidein.insight.service.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;

/** Routes each consumed event to the read model it changes. */
@ApplicationScoped
public class InsightEventHandler implements EventHandler {
  private final ProfileService profiles;

  InsightEventHandler(ProfileService profiles) {
    this.profiles = profiles;
  }

  @Override
  public void apply(CloudEvent event, EventType type) {
    switch (type) {
      case CUSTOMER_REGISTERED ->
          profiles.registered(EventCodec.data(event, CustomerRegistered.class));
      default -> {
        // Not used by insight yet.
      }
    }
  }
}
