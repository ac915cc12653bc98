package io.outsidein.interaction.messaging;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.inbox.EventHandler;
import io.outsidein.interaction.service.CustomerDirectory;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies customer events to this service's data. */
@ApplicationScoped
public class CustomerEventHandler implements EventHandler {
  private final CustomerDirectory directory;

  CustomerEventHandler(CustomerDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void apply(CloudEvent event, EventType type) {
    switch (type) {
      case CUSTOMER_REGISTERED ->
          directory.registered(EventCodec.data(event, CustomerRegistered.class));
      case CUSTOMER_SEGMENT_CHANGED ->
          directory.segmentChanged(EventCodec.data(event, CustomerSegmentChanged.class));
      case CUSTOMER_MERGED -> directory.merged(EventCodec.data(event, CustomerMerged.class));
      case CUSTOMER_ERASED -> directory.erased(EventCodec.data(event, CustomerErased.class));
      default -> {
        // Profile and consent changes do not concern interactions.
      }
    }
  }
}
