package io.outsidein.interaction.messaging;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.events.experiment.CustomerEnrolled;
import io.outsidein.events.experiment.ExperimentDesigned;
import io.outsidein.events.experiment.ExperimentStopped;
import io.outsidein.inbox.EventHandler;
import io.outsidein.interaction.experiments.Experiments;
import io.outsidein.interaction.service.CustomerDirectory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Routes each consumed event (the inbox takes one handler per service) to what it changes: customer
 * events to the directory of known customers, experiment events to the experiments.
 */
@ApplicationScoped
public class ConsumedEventHandler implements EventHandler {
  private final CustomerDirectory directory;
  private final Experiments experiments;

  ConsumedEventHandler(CustomerDirectory directory, Experiments experiments) {
    this.directory = directory;
    this.experiments = experiments;
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
      case EXPERIMENT_DESIGNED ->
          experiments.designed(EventCodec.data(event, ExperimentDesigned.class));
      case EXPERIMENT_STOPPED ->
          experiments.stopped(EventCodec.data(event, ExperimentStopped.class));
      case CUSTOMER_ENROLLED ->
          experiments.enrolled(EventCodec.data(event, CustomerEnrolled.class));
      default -> {
        // Profile and consent changes do not concern interactions; this service's own events
        // are not consumed here.
      }
    }
  }
}
