package io.outsidein.insight.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.customer.CustomerErased;
import io.outsidein.events.customer.CustomerMerged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.insight.domain.Touchpoint;
import io.outsidein.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two consumers (threads or instances) can apply a customer's merge or erasure and one of their
 * interactions at the same moment, since the events are keyed differently. Neither may leave a
 * touchpoint under an id that no longer counts.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MergeWhileRecordingTest {
  @Inject ProfileService profiles;
  @Inject InteractionModelService interactions;
  @Inject TouchpointRecorder touchpoints;
  @Inject EntityManager entityManager;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aMergeWaitsForAnInteractionOfTheDuplicateBeingRecordedAndMovesIt() throws Exception {
    UUID survivor = registered();
    UUID duplicate = registered();

    UUID touch =
        whileRecording(
            duplicate,
            () -> profiles.merged(new CustomerMerged(survivor, duplicate, Instant.now())));

    assertThat(ownerOf(touch)).isEqualTo(Map.of("owner", survivor));
  }

  @Test
  void anErasureWaitsForAnInteractionBeingRecordedAndDeletesIt() throws Exception {
    UUID customer = registered();

    UUID touch =
        whileRecording(
            customer, () -> profiles.erased(new CustomerErased(customer, Instant.now())));

    assertThat(ownerOf(touch)).isEmpty();
  }

  /**
   * Records an interaction of the customer in one transaction and, while it is still open, starts
   * the change in another: the change must wait for the recording to commit. Answers the
   * interaction's id.
   */
  private UUID whileRecording(UUID customer, Runnable change) throws Exception {
    UUID interaction = UUID.randomUUID();
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Integer> recordingSession = new CompletableFuture<>();
    CompletableFuture<Integer> changingSession = new CompletableFuture<>();
    Future<?> recording =
        threads.submit(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          recordingSession.complete(session());
                          interactions.recorded(
                              new InteractionRecorded(
                                  interaction,
                                  customer,
                                  Instant.now(),
                                  Channel.WEB,
                                  Department.SALES,
                                  InteractionType.VISIT,
                                  null,
                                  null,
                                  null,
                                  null));
                          // As the consumer does before the next event or before committing.
                          touchpoints.recordPending();
                          recorded.countDown();
                          await(release);
                        }));
    assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
    Future<?> changing =
        threads.submit(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          changingSession.complete(session());
                          change.run();
                        }));

    // Without the customer's lock the change commits at once, before the touchpoint exists: with
    // it, PostgreSQL shows the change's session waiting on the recording's.
    int recorder = recordingSession.get(10, TimeUnit.SECONDS);
    int changer = changingSession.get(10, TimeUnit.SECONDS);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitsOn(changer, recorder));
    assertThat(changing.isDone()).as("the change waits for the recording").isFalse();

    release.countDown();
    recording.get(10, TimeUnit.SECONDS);
    changing.get(10, TimeUnit.SECONDS);
    return interaction;
  }

  /** The PostgreSQL session of the current transaction. */
  private int session() {
    return ((Number) entityManager.createNativeQuery("SELECT pg_backend_pid()").getSingleResult())
        .intValue();
  }

  /** Whether session {@code waiting} waits on a lock that session {@code holder} holds. */
  private boolean waitsOn(int waiting, int holder) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            entityManager
                                .createNativeQuery(
                                    "SELECT count(*) FROM unnest(pg_blocking_pids(:waiting)) AS b"
                                        + " WHERE b = :holder")
                                .setParameter("waiting", waiting)
                                .setParameter("holder", holder)
                                .getSingleResult())
                        .longValue()
                    == 1);
  }

  private UUID registered() {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(() -> profiles.registered(new CustomerRegistered(id, "smb", null, Instant.now())));
    return id;
  }

  private static Map<String, UUID> ownerOf(UUID interaction) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Touchpoint row = Touchpoint.findById(interaction);
              return row == null ? Map.of() : Map.of("owner", row.customerId);
            });
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
