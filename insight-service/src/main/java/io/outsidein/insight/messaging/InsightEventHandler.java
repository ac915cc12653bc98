package io.outsidein.insight.messaging;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventType;
import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.events.interaction.ActionTaken;
import io.outsidein.events.interaction.CaseHandedOff;
import io.outsidein.events.interaction.CaseOpened;
import io.outsidein.events.interaction.CaseResolved;
import io.outsidein.events.interaction.GestureDecided;
import io.outsidein.events.interaction.GestureGranted;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.inbox.EventHandler;
import io.outsidein.insight.outcomes.OutcomeFollower;
import io.outsidein.insight.service.InsightService;
import io.outsidein.insight.service.InteractionModelService;
import io.outsidein.insight.service.ProfileService;
import io.outsidein.insight.service.TouchpointRecorder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Routes each consumed event to the read model it changes; the live consumer and rebuild share it.
 */
@ApplicationScoped
public class InsightEventHandler implements EventHandler {
  private final ProfileService profiles;
  private final InteractionModelService interactions;
  private final InsightService insights;
  private final TouchpointRecorder touchpoints;
  private final OutcomeFollower outcomes;

  InsightEventHandler(
      ProfileService profiles,
      InteractionModelService interactions,
      InsightService insights,
      TouchpointRecorder touchpoints,
      OutcomeFollower outcomes) {
    this.profiles = profiles;
    this.interactions = interactions;
    this.insights = insights;
    this.touchpoints = touchpoints;
    this.outcomes = outcomes;
  }

  @Override
  public void beforeCommit() {
    touchpoints.recordPending();
    insights.recomputePending();
  }

  /**
   * Recorded interactions are taken and stored together; any other event first has them stored, so
   * that it sees them (a merge moves them, an erasure deletes them).
   */
  @Override
  public void apply(CloudEvent event, EventType type) {
    if (type != EventType.INTERACTION_RECORDED) {
      touchpoints.recordPending();
    }
    switch (type) {
      case CUSTOMER_REGISTERED -> profiles.registered(data(event, CustomerRegistered.class));
      case CUSTOMER_SEGMENT_CHANGED ->
          profiles.segmentChanged(data(event, CustomerSegmentChanged.class));
      case CUSTOMER_MERGED -> profiles.merged(data(event, CustomerMerged.class));
      case CUSTOMER_ERASED -> profiles.erased(data(event, CustomerErased.class));
      case INTERACTION_RECORDED -> interactions.recorded(data(event, InteractionRecorded.class));
      case CASE_OPENED -> interactions.caseOpened(data(event, CaseOpened.class));
      case CASE_HANDED_OFF -> interactions.handedOff(event.id(), data(event, CaseHandedOff.class));
      case CASE_RESOLVED -> interactions.resolved(data(event, CaseResolved.class));
      case GESTURE_GRANTED -> interactions.gestureGranted(data(event, GestureGranted.class));
      case GESTURE_DECIDED -> interactions.gestureDecided(data(event, GestureDecided.class));
      case ACTION_TAKEN -> outcomes.actionTaken(data(event, ActionTaken.class));
      case CUSTOMER_UPDATED, CUSTOMER_CONSENT_CHANGED -> {
        // Names of changed fields and consents say nothing about churn.
      }
      case GOODWILL_POLICY_CHANGED -> {
        // The policy is no customer's behaviour; gestures name the version that decided them.
      }
    }
  }

  private static <T extends io.outsidein.events.CustomerEventData> T data(
      CloudEvent event, Class<T> type) {
    T data = EventCodec.data(event, type);
    if (data == null || data.customerId() == null) {
      throw new EventCodec.MalformedEventException(
          event.type() + " " + event.id() + " has no customer");
    }
    return data;
  }
}
