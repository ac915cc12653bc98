package io.outsidein.interaction.service;

import io.outsidein.interaction.config.InteractionConfig;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.EventOrigin;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Ingests a batch of touchpoints fast: items were parsed and validated one by one (a bad item never
 * spoils the others); valid items are written one chunk per transaction.
 */
@ApplicationScoped
public class BatchIngest {
  private static final Logger LOG = Logger.getLogger(BatchIngest.class);

  private final InteractionWriter writer;
  private final Outbox outbox;
  private final InteractionConfig config;

  BatchIngest(InteractionWriter writer, Outbox outbox, InteractionConfig config) {
    this.writer = writer;
    this.outbox = outbox;
    this.config = config;
  }

  /**
   * One result per item, in the items' order; items already refused by parsing keep their problem.
   * Not transactional itself: one transaction per chunk.
   */
  public List<ItemResult> ingest(List<BatchItem> items) {
    ItemResult[] results = new ItemResult[items.size()];
    EventOrigin origin = outbox.originHere();
    List<Integer> indexes = new ArrayList<>();
    List<ToWrite> valid = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      BatchItem item = items.get(index);
      if (item.problem() != null) {
        results[index] = ItemResult.refused(index, item.problem());
      } else {
        indexes.add(index);
        valid.add(new ToWrite(item.request(), origin));
      }
    }
    int chunkSize = Math.max(1, config.batchChunkSize());
    for (int start = 0; start < valid.size(); start += chunkSize) {
      int end = Math.min(valid.size(), start + chunkSize);
      List<Written> written = writer.write(valid.subList(start, end));
      for (int i = start; i < end; i++) {
        int index = indexes.get(i);
        results[index] = result(index, written.get(i - start));
      }
    }
    return Arrays.asList(results);
  }

  private static ItemResult result(int index, Written written) {
    if (written.failure() == null) {
      return ItemResult.created(index, written.interaction().id);
    }
    if (written.failure() instanceof ProblemException problem) {
      return ItemResult.refused(index, ItemProblems.of(problem));
    }
    LOG.error("batch item could not be stored", written.failure());
    return ItemResult.refused(index, ItemProblems.unexpected());
  }
}
