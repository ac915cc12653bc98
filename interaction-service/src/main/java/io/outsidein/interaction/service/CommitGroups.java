package io.outsidein.interaction.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * Lets concurrent callers share transactions (group commit). A caller hands its item over and gets
 * a future of its answer; each of a few writer threads takes everything waiting, up to a limit, and
 * stores it in one go. Under light load an item is stored at once and alone; under heavy load
 * groups grow by themselves while the writers are busy, so there is no timer to wait for and no
 * tuning by rate.
 *
 * @param <I> what a caller hands over
 * @param <O> its answer; {@code store} answers a group with one per item, in order
 */
final class CommitGroups<I, O> {
  private static final Logger LOG = Logger.getLogger(CommitGroups.class);
  private static final long IDLE_POLL_MILLIS = 100;

  private final String name;
  private final int maxSize;
  private final Function<List<I>, List<O>> store;
  private final IntConsumer groupSizes;
  private final BlockingQueue<Waiting<I, O>> waiting = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean closing;

  CommitGroups(
      String name,
      int writers,
      int maxSize,
      Function<List<I>, List<O>> store,
      IntConsumer groupSizes) {
    if (writers < 1 || maxSize < 1) {
      throw new IllegalArgumentException("writers and maxSize must be at least 1");
    }
    this.name = name;
    this.maxSize = maxSize;
    this.store = store;
    this.groupSizes = groupSizes;
    for (int i = 0; i < writers; i++) {
      Thread writer = new Thread(this::write, name + "-writer-" + i);
      writer.setDaemon(true);
      this.writers.add(writer);
    }
    this.writers.forEach(Thread::start);
  }

  /**
   * Hands {@code item} over to be stored with whatever else is waiting, and returns at once: no
   * caller's thread waits for a writer. The answer completes on the writer's thread with what
   * {@code store} answered for the item, or fails with what it threw for the whole group, or with
   * {@link IllegalStateException} once closing.
   */
  CompletableFuture<O> submit(I item) {
    if (closing) {
      return shuttingDown();
    }
    Waiting<I, O> handed = new Waiting<>(item);
    waiting.add(handed);
    if (closing && waiting.remove(handed)) {
      // Closed while handing over, perhaps after the last drain: nobody would answer it.
      return shuttingDown();
    }
    return handed.answer;
  }

  private CompletableFuture<O> shuttingDown() {
    return CompletableFuture.failedFuture(new IllegalStateException(name + " is shutting down"));
  }

  /** Items handed over and not yet taken by a writer. */
  int waiting() {
    return waiting.size();
  }

  /**
   * Stops taking items, lets the writers store what is already waiting, and waits up to {@code
   * patience} for them; anything still waiting then is refused.
   */
  void close(Duration patience) {
    closing = true;
    long deadline = System.nanoTime() + patience.toNanos();
    for (Thread writer : writers) {
      try {
        writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    writers.forEach(Thread::interrupt);
    List<Waiting<I, O>> left = new ArrayList<>();
    waiting.drainTo(left);
    left.forEach(
        w -> w.answer.completeExceptionally(new IllegalStateException(name + " was shut down")));
  }

  private void write() {
    List<Waiting<I, O>> group = new ArrayList<>(maxSize);
    while (true) {
      Waiting<I, O> first;
      try {
        first = waiting.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null) {
        if (closing) {
          return;
        }
        continue;
      }
      group.add(first);
      waiting.drainTo(group, maxSize - 1);
      answer(group);
      group.clear();
    }
  }

  private void answer(List<Waiting<I, O>> group) {
    List<O> answers;
    try {
      groupSizes.accept(group.size());
      answers = store.apply(group.stream().map(w -> w.item).toList());
      if (answers.size() != group.size()) {
        throw new IllegalStateException(
            "stored " + group.size() + " items but got " + answers.size() + " answers");
      }
    } catch (RuntimeException | Error e) {
      LOG.errorf(e, "%s could not store a group of %d", name, group.size());
      group.forEach(w -> w.answer.completeExceptionally(e));
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).answer.complete(answers.get(i));
    }
  }

  private static final class Waiting<I, O> {
    final I item;
    final CompletableFuture<O> answer = new CompletableFuture<>();

    Waiting(I item) {
      this.item = item;
    }
  }
}
