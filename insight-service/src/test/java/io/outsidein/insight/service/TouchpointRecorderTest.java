package io.outsidein.insight.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.insight.domain.CustomerInsight;
import io.outsidein.insight.domain.CustomerProfile;
import io.outsidein.insight.domain.Touchpoint;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One set of recorded interactions spanning live, merged, erased and unknown customers: each is
 * stored under the customer it now counts for, or dropped, and each customer is scored once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TouchpointRecorderTest {
  @Inject ProfileService profiles;
  @Inject TouchpointRecorder recorder;
  @Inject InsightService insights;

  @Test
  void storesEachInteractionOfASetUnderTheCustomerItCountsFor() {
    UUID survivor = registered();
    UUID duplicate = registered();
    UUID erased = registered();
    UUID unknown = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              profiles.merged(new CustomerMerged(survivor, duplicate, Instant.now()));
              profiles.erased(new CustomerErased(erased, Instant.now()));
            });
    Instant longAgo = Instant.now().minus(Duration.ofDays(900)).truncatedTo(ChronoUnit.MICROS);
    InteractionRecorded ofSurvivor = interaction(survivor, Instant.now());
    InteractionRecorded ofDuplicate = interaction(duplicate, Instant.now());
    InteractionRecorded ofErased = interaction(erased, Instant.now());
    InteractionRecorded ofUnknown = interaction(unknown, longAgo);

    int added =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  List.of(ofSurvivor, ofDuplicate, ofErased, ofUnknown, ofSurvivor)
                      .forEach(recorder::record);
                  int stored = recorder.recordPending();
                  insights.recomputePending();
                  return stored;
                });

    assertThat(added).isEqualTo(3);
    assertThat(owner(ofSurvivor)).isEqualTo(survivor);
    assertThat(owner(ofDuplicate)).isEqualTo(survivor);
    assertThat(owner(ofErased)).isNull();
    assertThat(owner(ofUnknown)).isEqualTo(unknown);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              CustomerProfile created = CustomerProfile.findById(unknown);
              assertThat(created.registeredAt).isEqualTo(longAgo);
              assertThat(created.segment).isEqualTo(CustomerIds.DEFAULT_SEGMENT);
              CustomerInsight survivorInsight = CustomerInsight.findById(survivor);
              assertThat(survivorInsight.metrics).contains("\"interactions\":2");
              assertThat(CustomerInsight.<CustomerInsight>findById(unknown)).isNotNull();
              assertThat(CustomerInsight.<CustomerInsight>findById(duplicate)).isNull();
              assertThat(CustomerInsight.<CustomerInsight>findById(erased)).isNull();
            });
  }

  private static InteractionRecorded interaction(UUID customer, Instant at) {
    return new InteractionRecorded(
        UUID.randomUUID(),
        customer,
        at,
        Channel.PHONE,
        Department.SUPPORT,
        InteractionType.INQUIRY,
        null,
        null,
        null,
        null);
  }

  private static UUID owner(InteractionRecorded interaction) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Touchpoint row = Touchpoint.findById(interaction.interactionId());
              return row == null ? null : row.customerId;
            });
  }

  private UUID registered() {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              profiles.registered(new CustomerRegistered(id, "smb", null, Instant.now()));
              insights.recomputePending();
            });
    return id;
  }
}
