package io.outsidein.interaction.service;

import io.outsidein.events.TimeOrderedIds;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.interaction.domain.Interaction;
import io.outsidein.interaction.domain.SupportCase;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.EventOrigin;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Records touchpoints and reads a customer's timeline; each record writes its event. */
@ApplicationScoped
public class InteractionService {
  private final CustomerResolver customers;
  private final EntityManager entityManager;
  private final Outbox outbox;
  private final Clock clock;

  InteractionService(
      CustomerResolver customers, EntityManager entityManager, Outbox outbox, Clock clock) {
    this.customers = customers;
    this.entityManager = entityManager;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public Interaction record(NewInteraction request) {
    return record(request, outbox.originHere());
  }

  /** Records a touchpoint whose request was served on another thread, as {@code origin} says. */
  @Transactional
  public Interaction record(NewInteraction request, EventOrigin origin) {
    ResolvedCustomer customer = customers.resolve(request.customerId());
    if (request.externalId() != null) {
      // Serialises concurrent records of the same external id, so the check below is reliable.
      entityManager
          .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
          .setParameter("key", customer.id() + "/" + request.externalId())
          .getSingleResult();
      existingByExternalId(customer.id(), List.of(request.externalId())).values().stream()
          .findFirst()
          .ifPresent(
              existing -> {
                throw duplicate(existing);
              });
    }
    if (request.caseId() != null) {
      checkCase(request.caseId(), customer.id(), SupportCase.findById(request.caseId()));
    }
    Interaction interaction = build(request, customer.id(), origin.actor());
    interaction.persist();
    outbox.record(recorded(interaction), origin);
    return interaction;
  }

  public Optional<Interaction> find(UUID id) {
    return Interaction.findByIdOptional(id);
  }

  /** A customer's touchpoints, newest first, filtered and paginated by keyset. */
  public Page<Interaction> timeline(
      UUID customerId, TimelineFilter filter, int limit, Cursor after) {
    StringBuilder jpql = new StringBuilder("FROM Interaction i WHERE i.customerId = :customer");
    Map<String, Object> params = new HashMap<>();
    params.put("customer", customerId);
    if (filter.from() != null) {
      jpql.append(" AND i.occurredAt >= :from");
      params.put("from", filter.from());
    }
    if (filter.to() != null) {
      jpql.append(" AND i.occurredAt < :to");
      params.put("to", filter.to());
    }
    if (filter.department() != null) {
      jpql.append(" AND i.department = :department");
      params.put("department", filter.department());
    }
    if (filter.channel() != null) {
      jpql.append(" AND i.channel = :channel");
      params.put("channel", filter.channel());
    }
    if (filter.type() != null) {
      jpql.append(" AND i.type = :type");
      params.put("type", filter.type());
    }
    if (after != null) {
      jpql.append(
          " AND (i.occurredAt < :afterTime OR (i.occurredAt = :afterTime AND i.id < :afterId))");
      params.put("afterTime", after.time());
      params.put("afterId", after.id());
    }
    jpql.append(" ORDER BY i.occurredAt DESC, i.id DESC");
    TypedQuery<Interaction> query = entityManager.createQuery(jpql.toString(), Interaction.class);
    params.forEach(query::setParameter);
    List<Interaction> rows = query.setMaxResults(limit + 1).getResultList();
    return Page.of(rows, limit, i -> i.occurredAt, i -> i.id);
  }

  /** The ids of the customer's interactions that already carry one of these external ids. */
  Map<String, UUID> existingByExternalId(UUID customerId, List<String> externalIds) {
    Map<String, UUID> existing = new HashMap<>();
    entityManager
        .createQuery(
            "SELECT i.externalId, i.id FROM Interaction i"
                + " WHERE i.customerId = :customer AND i.externalId IN :ids",
            Object[].class)
        .setParameter("customer", customerId)
        .setParameter("ids", externalIds)
        .getResultList()
        .forEach(row -> existing.put((String) row[0], (UUID) row[1]));
    return existing;
  }

  /** A case named by a record must exist and be the customer's own: 422 otherwise. */
  public static void checkCase(UUID caseId, UUID customerId, SupportCase supportCase) {
    if (supportCase == null) {
      throw ProblemException.unprocessable("case " + caseId + " does not exist");
    }
    if (!supportCase.customerId.equals(customerId)) {
      throw ProblemException.unprocessable("case " + caseId + " belongs to another customer");
    }
  }

  static ProblemException duplicate(UUID existingId) {
    return ProblemException.conflict(
        "an interaction with this externalId exists for this customer",
        Map.of("existingId", existingId));
  }

  Interaction build(NewInteraction request, UUID customerId, String recordedBy) {
    Instant now = clock.instant();
    Interaction i = new Interaction();
    i.id = TimeOrderedIds.next();
    i.customerId = customerId;
    i.occurredAt = request.occurredAt() == null ? now : request.occurredAt();
    i.recordedAt = now;
    i.channel = request.channel();
    i.department = request.department();
    i.type = request.type();
    i.summary = request.summary();
    i.caseId = request.caseId();
    if (request.rating() != null) {
      i.ratingScale = request.rating().scale();
      i.ratingScore = request.rating().score();
    }
    i.sentiment = request.sentiment();
    if (request.amount() != null) {
      i.amountValue = request.amount().value();
      i.amountCurrency = request.amount().currency();
    }
    i.externalId = request.externalId();
    i.attributes = request.attributes();
    i.recordedBy = recordedBy;
    return i;
  }

  /** The event: ids, enums, numbers and times; never the summary or the attributes. */
  static InteractionRecorded recorded(Interaction i) {
    return new InteractionRecorded(
        i.id,
        i.customerId,
        i.occurredAt,
        i.channel,
        i.department,
        i.type,
        i.caseId,
        i.rating(),
        i.sentiment,
        i.amount());
  }
}
