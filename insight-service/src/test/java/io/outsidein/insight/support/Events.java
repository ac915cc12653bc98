package io.outsidein.insight.support;

import io.outsidein.events.customer.Consents;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.interaction.CaseHandedOff;
import io.outsidein.events.interaction.CaseOpened;
import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.outsidein.testing.EventPublisher;
import io.outsidein.testing.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Small builders of the events insight consumes, with times counted back from now. */
public final class Events {
  private Events() {}

  public static EventPublisher publisher() {
    return EventPublisher.to(TestInfrastructure.shared().broker().bootstrapServers());
  }

  public static String uniqueSegment() {
    return "seg-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Instant daysAgo(double days) {
    return Instant.now().minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
  }

  public static CustomerRegistered registered(UUID customerId, String segment) {
    return new CustomerRegistered(customerId, segment, Consents.NONE, daysAgo(200));
  }

  public static InteractionRecorded touch(
      UUID customerId,
      double daysAgo,
      InteractionType type,
      UUID caseId,
      Rating rating,
      Double mood) {
    return new InteractionRecorded(
        UUID.randomUUID(),
        customerId,
        daysAgo(daysAgo),
        Channel.WEB,
        Department.SALES,
        type,
        caseId,
        rating,
        mood,
        null);
  }

  public static InteractionRecorded visit(UUID customerId, double daysAgo) {
    return touch(customerId, daysAgo, InteractionType.VISIT, null, null, null);
  }

  public static CaseOpened opened(
      UUID caseId, UUID customerId, Department department, double daysAgo) {
    return new CaseOpened(caseId, customerId, department, daysAgo(daysAgo));
  }

  public static CaseHandedOff handedOff(
      UUID caseId, UUID customerId, Department from, Department to, double daysAgo) {
    return new CaseHandedOff(caseId, customerId, from, to, daysAgo(daysAgo));
  }
}
