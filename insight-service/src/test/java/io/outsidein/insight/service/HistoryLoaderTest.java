package io.outsidein.insight.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import io.outsidein.insight.config.InsightConfig;
import io.outsidein.insight.domain.CaseHandoff;
import io.outsidein.insight.domain.CaseJourney;
import io.outsidein.insight.domain.CustomerProfile;
import io.outsidein.insight.domain.GoodwillGesture;
import io.outsidein.insight.domain.Touchpoint;
import io.outsidein.insight.scoring.Activity;
import io.outsidein.insight.scoring.CustomerHistory;
import io.outsidein.insight.scoring.CustomerHistory.Touch;
import io.outsidein.insight.scoring.Insight;
import io.outsidein.insight.scoring.InsightScorer;
import io.outsidein.testing.RealInfrastructure;
import io.outsidein.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loader reads the running tally and only a few touches: the score must be the one the whole
 * history gives, whatever the history holds and in whatever order it was recorded.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HistoryLoaderTest {
  private static final int TOUCHES = 400;

  @Inject HistoryLoader loader;
  @Inject ActivityTally tally;
  @Inject TouchpointRecorder recorder;
  @Inject InsightConfig config;
  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void scoresALongHistoryAsTheWholeHistoryWouldFromAFewOfItsTouches(long seed) {
    clock.freeze();
    Random random = new Random(seed);
    UUID customer = UUID.randomUUID();
    List<Touch> all = store(customer, random);

    CustomerHistory loaded = QuarkusTransaction.requiringNew().call(() -> load(customer));
    CustomerHistory whole =
        new CustomerHistory(customer, "smb", all, loaded.cases(), loaded.gestures());

    assertThat(loaded.cases()).hasSize(3);
    assertThat(loaded.gestures()).hasSize(2);
    assertThat(loaded.activity()).isEqualTo(whole.activity());
    assertThat(loaded.activity().touches()).isEqualTo(TOUCHES);
    assertThat(loaded.touches()).hasSizeLessThan(TOUCHES / 4);
    InsightScorer scorer = new InsightScorer(config, clock);
    Insight fromFew = scorer.score(loaded);
    assertThat(fromFew).isEqualTo(scorer.score(whole));
    assertThat(fromFew.metrics().rhythmDays()).isNotNull();
    assertThat(fromFew.metrics().csat()).isNotNull();
    assertThat(fromFew.metrics().nps()).isNotNull();
  }

  @Test
  void readsASetOfCustomersAsEachAlone() {
    clock.freeze();
    List<UUID> customers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    for (int i = 0; i < customers.size(); i++) {
      store(customers.get(i), new Random(10 + i));
    }
    UUID withoutTouches = UUID.randomUUID();
    QuarkusTransaction.requiringNew().run(() -> profile(withoutTouches).persist());
    List<UUID> all = List.of(customers.get(2), withoutTouches, customers.get(0), customers.get(1));

    List<CustomerHistory> together =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    loader.loadAll(
                        all.stream()
                            .map(id -> CustomerProfile.<CustomerProfile>findById(id))
                            .toList()));

    assertThat(together).extracting(CustomerHistory::customerId).containsExactlyElementsOf(all);
    for (int i = 0; i < all.size(); i++) {
      UUID id = all.get(i);
      assertThat(together.get(i)).isEqualTo(QuarkusTransaction.requiringNew().call(() -> load(id)));
    }
    assertThat(together.get(0).activity().touches()).isEqualTo(TOUCHES);
    assertThat(together.get(1).touches()).isEmpty();
  }

  @Test
  void countsTheTallyAgainFromTheTouchpointsToTheSameActivity() {
    UUID customer = UUID.randomUUID();
    store(customer, new Random(7));
    Activity kept =
        QuarkusTransaction.requiringNew()
            .call(() -> tally.activities(List.of(customer)).get(customer));

    QuarkusTransaction.requiringNew().run(() -> tally.recount(customer));

    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> tally.activities(List.of(customer)).get(customer)))
        .isEqualTo(kept);
    assertThat(kept.touches()).isEqualTo(TOUCHES);
  }

  @Test
  void scoresACustomerWithoutTouchesAsEmpty() {
    clock.freeze();
    UUID customer = UUID.randomUUID();
    QuarkusTransaction.requiringNew().run(() -> profile(customer).persist());

    CustomerHistory loaded = QuarkusTransaction.requiringNew().call(() -> load(customer));

    assertThat(loaded.activity())
        .isEqualTo(new Activity(0, null, null, List.of(), java.util.Map.of(), 0, null));
    assertThat(loaded.touches()).isEmpty();
    InsightScorer scorer = new InsightScorer(config, clock);
    assertThat(scorer.score(loaded))
        .isEqualTo(
            scorer.score(new CustomerHistory(customer, "smb", List.of(), List.of(), List.of())));
  }

  private CustomerHistory load(UUID customer) {
    return loader.load(CustomerProfile.findById(customer));
  }

  /**
   * A profile, 400 touches over 200 days (every type, department, scale, some sentiments, some on
   * the customer's three cases, complaints old and recent), the cases' handoffs and two gestures.
   */
  private List<Touch> store(UUID customer, Random random) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<UUID> cases = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    List<Touch> touches = new ArrayList<>();
    List<Touchpoint> rows = new ArrayList<>();
    Instant at = now.minus(Duration.ofDays(200));
    for (int i = 0; i < TOUCHES; i++) {
      // Distinct times: ties would leave "the latest" to chance in both readings.
      at = at.plus(Duration.ofMinutes(1 + random.nextInt(1400)));
      Touchpoint row = new Touchpoint();
      row.interactionId = UUID.randomUUID();
      row.customerId = customer;
      row.occurredAt = at;
      row.department = pick(random, Department.values());
      row.type = pick(random, InteractionType.values());
      row.caseId = random.nextInt(10) == 0 ? cases.get(random.nextInt(cases.size())) : null;
      if (random.nextInt(6) == 0) {
        Rating.Scale scale = pick(random, Rating.Scale.values());
        row.ratingScale = scale;
        row.ratingScore = scale.min() + random.nextInt(scale.max() - scale.min() + 1);
      }
      row.sentiment =
          random.nextInt(3) == 0 ? Math.round(random.nextDouble(-1, 1) * 100) / 100.0 : null;
      rows.add(row);
      touches.add(
          new Touch(
              at,
              row.department,
              row.type,
              row.caseId,
              row.ratingScale == null ? null : new Rating(row.ratingScale, row.ratingScore),
              row.sentiment));
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              profile(customer).persist();
              // Recorded out of time order, as imports and a rebuild beside the live consumer do,
              // in sets of every size from one up, some interactions delivered twice.
              List<Touchpoint> arrival = new ArrayList<>(rows);
              Collections.shuffle(arrival, random);
              int next = 0;
              while (next < arrival.size()) {
                int size = 1 + random.nextInt(60);
                for (Touchpoint r : arrival.subList(next, Math.min(arrival.size(), next + size))) {
                  recorder.record(recorded(r));
                  if (random.nextInt(20) == 0) {
                    recorder.record(recorded(r));
                  }
                }
                next += size;
                recorder.recordPending();
              }
              for (int c = 0; c < cases.size(); c++) {
                CaseJourney journey = new CaseJourney();
                journey.caseId = cases.get(c);
                journey.customerId = customer;
                journey.openedDepartment = Department.values()[c];
                journey.openedAt = now.minus(Duration.ofDays(90 - 30L * c));
                journey.resolvedAt = c == 2 ? null : journey.openedAt.plus(Duration.ofHours(50));
                journey.persist();
                for (int h = 0; h < c + 2; h++) {
                  CaseHandoff handoff = new CaseHandoff();
                  handoff.eventId = UUID.randomUUID();
                  handoff.caseId = journey.caseId;
                  handoff.customerId = customer;
                  handoff.fromDepartment = Department.values()[h];
                  handoff.toDepartment = Department.values()[h + 1];
                  handoff.handedOffAt = journey.openedAt.plus(Duration.ofHours(h + 1));
                  handoff.persist();
                }
              }
              for (int g = 0; g < 2; g++) {
                GoodwillGesture gesture = new GoodwillGesture();
                gesture.gestureId = UUID.randomUUID();
                gesture.customerId = customer;
                gesture.caseId = cases.get(g);
                gesture.amount = new BigDecimal("15.00");
                gesture.currency = "EUR";
                gesture.status = GestureStatus.values()[g];
                gesture.grantedAt = now.minus(Duration.ofDays(10L * (g + 1)));
                gesture.persist();
              }
            });
    return touches;
  }

  private static InteractionRecorded recorded(Touchpoint row) {
    return new InteractionRecorded(
        row.interactionId,
        row.customerId,
        row.occurredAt,
        Channel.WEB,
        row.department,
        row.type,
        row.caseId,
        row.ratingScale == null ? null : new Rating(row.ratingScale, row.ratingScore),
        row.sentiment,
        null);
  }

  private static CustomerProfile profile(UUID customer) {
    CustomerProfile profile = new CustomerProfile();
    profile.customerId = customer;
    profile.segment = "smb";
    profile.status = "ACTIVE";
    profile.registeredAt = Instant.now().minus(Duration.ofDays(400));
    return profile;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
