package io.outsidein.interaction.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The grouping itself, with a store that can be held up: no database needed to see groups form. */
class CommitGroupsTest {
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<Integer>> groupsStored = new CopyOnWriteArrayList<>();
  private final List<Integer> sizesReported = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private CommitGroups<Integer, String> groups;

  @AfterEach
  void stop() {
    release.countDown();
    if (groups != null) {
      groups.close(Duration.ofSeconds(5));
    }
    callers.shutdownNow();
  }

  @Test
  void storesAnItemAloneAndAtOnceWhenNothingElseWaits() throws Exception {
    groups =
        new CommitGroups<>("test", 2, 10, recording(items -> answers(items)), sizesReported::add);
    release.countDown();

    assertThat(groups.submit(7).get(5, TimeUnit.SECONDS)).isEqualTo("stored 7");
    assertThat(groups.submit(8).get(5, TimeUnit.SECONDS)).isEqualTo("stored 8");
    assertThat(groupsStored).containsExactly(List.of(7), List.of(8));
    assertThat(sizesReported).containsExactly(1, 1);
  }

  @Test
  void itemsArrivingWhileTheWriterIsBusyShareTheNextGroupUpToItsLimitEachWithItsOwnAnswer()
      throws Exception {
    groups = new CommitGroups<>("test", 1, 10, heldUp(items -> answers(items)), sizesReported::add);
    Future<String> first = groups.submit(0);
    Awaitility.await().until(() -> groupsStored.size() == 1);

    List<Future<String>> later = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      later.add(groups.submit(i));
    }
    // All 25 handed over without waiting, and waiting for the writer, which is still busy.
    assertThat(groups.waiting()).isEqualTo(25);
    assertThat(later).noneMatch(Future::isDone);
    assertThat(first).isNotDone();
    release.countDown();

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("stored 0");
    for (int i = 0; i < later.size(); i++) {
      assertThat(later.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("stored " + (i + 1));
    }
    assertThat(groupsStored).extracting(List::size).containsExactly(1, 10, 10, 5);
    assertThat(sizesReported).containsExactly(1, 10, 10, 5);
    assertThat(groupsStored.stream().flatMap(List::stream).sorted().toList())
        .isEqualTo(java.util.stream.IntStream.rangeClosed(0, 25).boxed().toList());
  }

  @Test
  void aGroupThatFailsAsAWholeFailsEachOfItsCallersAndTheNextGroupIsStored() throws Exception {
    groups =
        new CommitGroups<>(
            "test",
            1,
            10,
            recording(
                items -> {
                  if (items.contains(13)) {
                    throw new IllegalArgumentException("unlucky group");
                  }
                  return answers(items);
                }),
            sizesReported::add);
    release.countDown();

    assertThat(groups.submit(13))
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(IllegalArgumentException.class)
        .withMessage("unlucky group");
    assertThat(groups.submit(14).get(5, TimeUnit.SECONDS)).isEqualTo("stored 14");
  }

  @Test
  void aStoreThatAnswersTheWrongNumberOfItemsFailsTheGroupRatherThanMisanswering() {
    groups = new CommitGroups<>("test", 1, 10, recording(items -> List.of()), sizesReported::add);
    release.countDown();

    assertThat(groups.submit(1))
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(IllegalStateException.class)
        .withMessageContaining("1 items but got 0 answers");
  }

  @Test
  void closingStoresWhatIsAlreadyWaitingThenRefusesNewItems() throws Exception {
    groups = new CommitGroups<>("test", 1, 10, heldUp(items -> answers(items)), sizesReported::add);
    Future<String> first = groups.submit(1);
    Awaitility.await().until(() -> groupsStored.size() == 1);
    Future<String> second = groups.submit(2);
    assertThat(groups.waiting()).isEqualTo(1);
    Future<?> closing = callers.submit(() -> groups.close(Duration.ofSeconds(5)));
    release.countDown();
    closing.get(5, TimeUnit.SECONDS);

    assertThat(first.get(1, TimeUnit.SECONDS)).isEqualTo("stored 1");
    assertThat(second.get(1, TimeUnit.SECONDS)).isEqualTo("stored 2");
    assertThat(groups.submit(3))
        .failsWithin(1, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(IllegalStateException.class)
        .withMessageContaining("shutting down");
  }

  private Function<List<Integer>, List<String>> recording(
      Function<List<Integer>, List<String>> store) {
    return items -> {
      groupsStored.add(List.copyOf(items));
      return store.apply(items);
    };
  }

  /** Records the group, then waits for the test's release before answering. */
  private Function<List<Integer>, List<String>> heldUp(
      Function<List<Integer>, List<String>> store) {
    return recording(
        items -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return store.apply(items);
        });
  }

  private static List<String> answers(List<Integer> items) {
    return items.stream().map(i -> "stored " + i).toList();
  }
}
