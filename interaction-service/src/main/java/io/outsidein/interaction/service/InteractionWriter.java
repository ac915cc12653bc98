package io.outsidein.interaction.service;

import io.outsidein.interaction.domain.Interaction;
import io.outsidein.interaction.domain.SupportCase;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
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
 * Writes a set of touchpoints in one transaction, with one query for their customers, cases and
 * external ids and JDBC-batched inserts, and answers for each on its own: a refused touchpoint
 * never spoils the others.
 */
@ApplicationScoped
class InteractionWriter {
  private static final Logger LOG = Logger.getLogger(InteractionWriter.class);

  private final CustomerResolver customers;
  private final InteractionService interactions;
  private final EntityManager entityManager;
  private final Outbox outbox;

  InteractionWriter(
      CustomerResolver customers,
      InteractionService interactions,
      EntityManager entityManager,
      Outbox outbox) {
    this.customers = customers;
    this.interactions = interactions;
    this.entityManager = entityManager;
    this.outbox = outbox;
  }

  /**
   * One answer per touchpoint, in order. Runs its own transaction; if that fails as a whole (the
   * same external id recorded concurrently, an outage), each touchpoint is written on its own so
   * that each gets its own answer.
   */
  List<Written> write(List<ToWrite> set) {
    try {
      return QuarkusTransaction.requiringNew().call(() -> writeTogether(set));
    } catch (RuntimeException setFailure) {
      LOG.warnf(
          "writing %d touchpoints together failed, writing each alone: %s",
          set.size(), setFailure.getMessage());
      return set.stream().map(this::writeAlone).toList();
    }
  }

  private Written writeAlone(ToWrite item) {
    try {
      return Written.stored(
          QuarkusTransaction.requiringNew()
              .call(() -> interactions.record(item.request(), item.origin())));
    } catch (RuntimeException e) {
      return Written.failed(e);
    }
  }

  private List<Written> writeTogether(List<ToWrite> set) {
    Map<UUID, CustomerResolver.Resolution> resolved =
        customers.resolveAll(
            set.stream().map(i -> i.request().customerId()).collect(Collectors.toSet()));
    Map<UUID, SupportCase> cases = casesOf(set);
    Map<String, UUID> externalIds = existingExternalIds(set, resolved);

    List<Written> results = new ArrayList<>(set.size());
    List<Interaction> toStore = new ArrayList<>(set.size());
    List<ToWrite> storedItems = new ArrayList<>(set.size());
    for (ToWrite item : set) {
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
        Interaction interaction = interactions.build(request, customer.id(), item.origin().actor());
        toStore.add(interaction);
        storedItems.add(item);
        if (externalKey != null) {
          externalIds.put(externalKey, interaction.id);
        }
        results.add(Written.stored(interaction));
      } catch (ProblemException e) {
        results.add(Written.failed(e));
      }
    }
    // All rows of one table, then all outbox rows: two long JDBC batches instead of many short.
    toStore.forEach(entityManager::persist);
    for (int i = 0; i < toStore.size(); i++) {
      outbox.record(InteractionService.recorded(toStore.get(i)), storedItems.get(i).origin());
    }
    return results;
  }

  private Map<UUID, SupportCase> casesOf(List<ToWrite> set) {
    Set<UUID> caseIds = new HashSet<>();
    set.forEach(i -> addIfPresent(caseIds, i.request().caseId()));
    if (caseIds.isEmpty()) {
      return Map.of();
    }
    return SupportCase.<SupportCase>list("id in ?1", caseIds).stream()
        .collect(Collectors.toMap(c -> c.id, Function.identity()));
  }

  /** "customerId/externalId" of the set's external ids already stored, with their ids. */
  private Map<String, UUID> existingExternalIds(
      List<ToWrite> set, Map<UUID, CustomerResolver.Resolution> resolved) {
    Set<UUID> customerIds = new HashSet<>();
    Set<String> externalIds = new HashSet<>();
    for (ToWrite item : set) {
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
}
