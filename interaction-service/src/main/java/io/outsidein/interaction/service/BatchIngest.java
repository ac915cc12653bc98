package io.outsidein.interaction.service;

import io.outsidein.interaction.config.InteractionConfig;
import io.outsidein.interaction.domain.Interaction;
import io.outsidein.interaction.domain.SupportCase;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Ingests a batch of touchpoints fast: items were parsed and validated one by one (a bad item never
 * spoils the others); valid items are stored one chunk per transaction with one query per chunk for
 * customers, cases and external ids, and JDBC-batched inserts.
 */
@ApplicationScoped
public class BatchIngest {
  private static final Logger LOG = Logger.getLogger(BatchIngest.class);

  private final CustomerResolver customers;
  private final InteractionService interactions;
  private final EntityManager entityManager;
  private final Outbox outbox;
  private final InteractionConfig config;

  BatchIngest(
      CustomerResolver customers,
      InteractionService interactions,
      EntityManager entityManager,
      Outbox outbox,
      InteractionConfig config) {
    this.customers = customers;
    this.interactions = interactions;
    this.entityManager = entityManager;
    this.outbox = outbox;
    this.config = config;
  }

  /**
   * One result per item, in the items' order; items already refused by parsing keep their problem.
   * Not transactional itself: one transaction per chunk.
   */
  public List<ItemResult> ingest(List<BatchItem> items) {
    ItemResult[] results = new ItemResult[items.size()];
    List<Item> valid = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      BatchItem item = items.get(index);
      if (item.problem() != null) {
        results[index] = ItemResult.refused(index, item.problem());
      } else {
        valid.add(new Item(index, item.request()));
      }
    }
    int chunkSize = Math.max(1, config.batchChunkSize());
    for (int start = 0; start < valid.size(); start += chunkSize) {
      List<Item> chunk = valid.subList(start, Math.min(valid.size(), start + chunkSize));
      for (ItemResult result : storeChunkOrEachItem(chunk)) {
        results[result.index()] = result;
      }
    }
    return Arrays.asList(results);
  }

  private List<ItemResult> storeChunkOrEachItem(List<Item> chunk) {
    try {
      return QuarkusTransaction.requiringNew().call(() -> storeChunk(chunk));
    } catch (RuntimeException chunkFailure) {
      // A race (the same external id recorded concurrently) or an outage spoiled the chunk:
      // store its items one by one so that each gets its own answer.
      LOG.warnf("batch chunk failed, storing its items one by one: %s", chunkFailure.getMessage());
      return chunk.stream().map(this::storeAlone).toList();
    }
  }

  private ItemResult storeAlone(Item item) {
    try {
      Interaction stored =
          QuarkusTransaction.requiringNew().call(() -> interactions.record(item.request()));
      return ItemResult.created(item.index(), stored.id);
    } catch (ProblemException e) {
      return ItemResult.refused(item.index(), ItemProblems.of(e));
    } catch (RuntimeException e) {
      LOG.error("batch item could not be stored", e);
      return ItemResult.refused(item.index(), ItemProblems.unexpected());
    }
  }

  private List<ItemResult> storeChunk(List<Item> chunk) {
    Map<UUID, CustomerResolver.Resolution> resolved =
        customers.resolveAll(
            chunk.stream().map(i -> i.request().customerId()).collect(Collectors.toSet()));
    Map<UUID, SupportCase> cases = casesOf(chunk);
    Map<String, UUID> externalIds = existingExternalIds(chunk, resolved);

    List<ItemResult> results = new ArrayList<>(chunk.size());
    List<Interaction> toStore = new ArrayList<>(chunk.size());
    for (Item item : chunk) {
      NewInteraction request = item.request();
      try {
        ResolvedCustomer customer = resolved.get(request.customerId()).orThrow();
        String externalKey =
            request.externalId() == null ? null : customer.id() + "/" + request.externalId();
        if (externalKey != null && externalIds.containsKey(externalKey)) {
          throw InteractionService.duplicate(externalIds.get(externalKey));
        }
        if (request.caseId() != null) {
          InteractionService.checkCase(
              request.caseId(), customer.id(), cases.get(request.caseId()));
        }
        Interaction interaction = interactions.build(request, customer.id());
        toStore.add(interaction);
        if (externalKey != null) {
          externalIds.put(externalKey, interaction.id);
        }
        results.add(ItemResult.created(item.index(), interaction.id));
      } catch (ProblemException e) {
        results.add(ItemResult.refused(item.index(), ItemProblems.of(e)));
      }
    }
    // All rows of one table, then all outbox rows: two long JDBC batches instead of many short.
    toStore.forEach(entityManager::persist);
    toStore.forEach(i -> outbox.record(InteractionService.recorded(i)));
    return results;
  }

  private Map<UUID, SupportCase> casesOf(List<Item> chunk) {
    Set<UUID> caseIds = new HashSet<>();
    chunk.forEach(i -> addIfPresent(caseIds, i.request().caseId()));
    if (caseIds.isEmpty()) {
      return Map.of();
    }
    return SupportCase.<SupportCase>list("id in ?1", caseIds).stream()
        .collect(Collectors.toMap(c -> c.id, Function.identity()));
  }

  /** "customerId/externalId" of the chunk's external ids already stored, with their ids. */
  private Map<String, UUID> existingExternalIds(
      List<Item> chunk, Map<UUID, CustomerResolver.Resolution> resolved) {
    Set<UUID> customerIds = new HashSet<>();
    Set<String> externalIds = new HashSet<>();
    for (Item item : chunk) {
      CustomerResolver.Resolution resolution = resolved.get(item.request().customerId());
      if (item.request().externalId() != null && resolution.customer() != null) {
        customerIds.add(resolution.customer().id());
        externalIds.add(item.request().externalId());
      }
    }
    Map<String, UUID> existing = new HashMap<>();
    if (externalIds.isEmpty()) {
      return existing;
    }
    entityManager
        .createQuery(
            "SELECT i.customerId, i.externalId, i.id FROM Interaction i"
                + " WHERE i.customerId IN :customers AND i.externalId IN :ids",
            Object[].class)
        .setParameter("customers", customerIds)
        .setParameter("ids", externalIds)
        .getResultList()
        .forEach(row -> existing.put(row[0] + "/" + row[1], (UUID) row[2]));
    return existing;
  }

  private static <T> void addIfPresent(Set<T> set, T value) {
    if (value != null) {
      set.add(value);
    }
  }

  private record Item(int index, NewInteraction request) {}
}
