package io.outsidein.events;

import io.outsidein.events.customer.CustomerConsentChanged;
import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.events.customer.CustomerUpdated;
import io.outsidein.events.experiment.CustomerEnrolled;
import io.outsidein.events.experiment.ExperimentDesigned;
import io.outsidein.events.experiment.ExperimentStopped;
import io.outsidein.events.interaction.ActionTaken;
import io.outsidein.events.interaction.CaseHandedOff;
import io.outsidein.events.interaction.CaseOpened;
import io.outsidein.events.interaction.CaseResolved;
import io.outsidein.events.interaction.GestureDecided;
import io.outsidein.events.interaction.GestureGranted;
import io.outsidein.events.interaction.GoodwillPolicyChanged;
import io.outsidein.events.interaction.InteractionRecorded;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event catalogue (see docs/asyncapi.yaml): each type names its version, its topic and the
 * record its data maps to. Consumers switch on this enum instead of comparing strings.
 */
public enum EventType {
  CUSTOMER_REGISTERED("customer.registered.v1", Topics.CUSTOMER_EVENTS, CustomerRegistered.class),
  CUSTOMER_UPDATED("customer.updated.v1", Topics.CUSTOMER_EVENTS, CustomerUpdated.class),
  CUSTOMER_SEGMENT_CHANGED(
      "customer.segment-changed.v1", Topics.CUSTOMER_EVENTS, CustomerSegmentChanged.class),
  CUSTOMER_CONSENT_CHANGED(
      "customer.consent-changed.v1", Topics.CUSTOMER_EVENTS, CustomerConsentChanged.class),
  CUSTOMER_MERGED("customer.merged.v1", Topics.CUSTOMER_EVENTS, CustomerMerged.class),
  CUSTOMER_ERASED("customer.erased.v1", Topics.CUSTOMER_EVENTS, CustomerErased.class),

  INTERACTION_RECORDED(
      "interaction.recorded.v1", Topics.INTERACTION_EVENTS, InteractionRecorded.class),
  CASE_OPENED("case.opened.v1", Topics.INTERACTION_EVENTS, CaseOpened.class),
  CASE_HANDED_OFF("case.handed-off.v1", Topics.INTERACTION_EVENTS, CaseHandedOff.class),
  CASE_RESOLVED("case.resolved.v1", Topics.INTERACTION_EVENTS, CaseResolved.class),
  GESTURE_GRANTED("gesture.granted.v1", Topics.INTERACTION_EVENTS, GestureGranted.class),
  GESTURE_DECIDED("gesture.decided.v1", Topics.INTERACTION_EVENTS, GestureDecided.class),
  GOODWILL_POLICY_CHANGED(
      "goodwill-policy.changed.v1", Topics.INTERACTION_EVENTS, GoodwillPolicyChanged.class),
  ACTION_TAKEN("action.taken.v1", Topics.INTERACTION_EVENTS, ActionTaken.class),

  EXPERIMENT_DESIGNED("experiment.designed.v1", Topics.EXPERIMENT_EVENTS, ExperimentDesigned.class),
  EXPERIMENT_STOPPED("experiment.stopped.v1", Topics.EXPERIMENT_EVENTS, ExperimentStopped.class),
  CUSTOMER_ENROLLED("experiment.enrolled.v1", Topics.EXPERIMENT_EVENTS, CustomerEnrolled.class);

  /** The {@code id} of the event catalogue, docs/asyncapi.yaml (served by the gateway). */
  public static final String CATALOGUE = "urn:io.outsidein:events";

  /** Every type name starts with this reverse-DNS prefix, as CloudEvents recommends. */
  public static final String PREFIX = "io.outsidein.";

  private static final Map<String, EventType> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(EventType::typeName, Function.identity()));

  private final String typeName;
  private final String topic;
  private final Class<? extends EventData> dataType;

  EventType(String shortName, String topic, Class<? extends EventData> dataType) {
    this.typeName = PREFIX + shortName;
    this.topic = topic;
    this.dataType = dataType;
  }

  /**
   * The CloudEvents {@code type} attribute, for example {@code
   * io.outsidein.customer.registered.v1}.
   */
  public String typeName() {
    return typeName;
  }

  /**
   * The CloudEvents {@code dataschema}: this type's message in the catalogue, for example {@code
   * urn:io.outsidein:events#/components/messages/customerRegistered}.
   */
  public String dataSchema() {
    return CATALOGUE + "#/components/messages/" + messageName();
  }

  /** The message's key in the catalogue: the constant's name in lower camel case. */
  String messageName() {
    StringBuilder name = new StringBuilder();
    for (String word : name().toLowerCase(java.util.Locale.ROOT).split("_")) {
      name.append(
          name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.toString();
  }

  public String topic() {
    return topic;
  }

  public Class<? extends EventData> dataType() {
    return dataType;
  }

  public static Optional<EventType> of(String typeName) {
    return Optional.ofNullable(typeName).map(BY_NAME::get);
  }
}
