package io.outsidein.interaction.actions;

import io.outsidein.events.TimeOrderedIds;
import io.outsidein.events.interaction.ActionCode;
import io.outsidein.events.interaction.ActionTaken;
import io.outsidein.interaction.domain.Gesture;
import io.outsidein.interaction.domain.SupportCase;
import io.outsidein.interaction.service.Cursor;
import io.outsidein.interaction.service.CustomerResolver;
import io.outsidein.interaction.service.InteractionService;
import io.outsidein.interaction.service.Page;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Records what the front line did for a customer, with its event, and lists it. */
@ApplicationScoped
public class ActionService {
  private final CustomerResolver customers;
  private final EntityManager entityManager;
  private final Outbox outbox;
  private final Clock clock;

  ActionService(
      CustomerResolver customers, EntityManager entityManager, Outbox outbox, Clock clock) {
    this.customers = customers;
    this.entityManager = entityManager;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Records an action on a customer (the survivor, when the id was merged). An unknown or erased
   * customer, an unknown case or a case of another customer is a 422 problem.
   */
  @Transactional
  public TakenAction record(
      UUID customerId, ActionCode code, UUID caseId, String note, String actor) {
    UUID customer = customers.resolve(customerId).id();
    if (caseId != null) {
      InteractionService.checkCase(caseId, customer, SupportCase.findById(caseId));
    }
    return store(customer, code, caseId, null, note, actor);
  }

  /**
   * An approved gesture is a {@link ActionCode#GOODWILL_GESTURE} taken by {@code actor}, the person
   * whose decision approved it: the agent within the latitude, else the supervisor.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public TakenAction gestureApproved(Gesture gesture, String actor) {
    return store(
        gesture.customerId, ActionCode.GOODWILL_GESTURE, gesture.caseId, gesture.id, null, actor);
  }

  /** A customer's actions, newest first. */
  public Page<TakenAction> ofCustomer(UUID customerId, int limit, Cursor after) {
    StringBuilder jpql = new StringBuilder("FROM TakenAction a WHERE a.customerId = :customer");
    if (after != null) {
      jpql.append(" AND (a.takenAt < :afterTime OR (a.takenAt = :afterTime AND a.id < :afterId))");
    }
    jpql.append(" ORDER BY a.takenAt DESC, a.id DESC");
    TypedQuery<TakenAction> query =
        entityManager
            .createQuery(jpql.toString(), TakenAction.class)
            .setParameter("customer", customerId);
    if (after != null) {
      query.setParameter("afterTime", after.time()).setParameter("afterId", after.id());
    }
    return Page.of(
        query.setMaxResults(limit + 1).getResultList(), limit, a -> a.takenAt, a -> a.id);
  }

  private TakenAction store(
      UUID customerId, ActionCode code, UUID caseId, UUID gestureId, String note, String actor) {
    TakenAction a = new TakenAction();
    a.id = TimeOrderedIds.next();
    a.customerId = customerId;
    a.code = code;
    a.caseId = caseId;
    a.gestureId = gestureId;
    a.note = note;
    a.takenAt = clock.instant();
    a.takenBy = actor;
    a.persist();
    outbox.record(
        new ActionTaken(a.id, a.customerId, a.code, a.caseId, a.gestureId, a.takenBy, a.takenAt));
    return a;
  }
}
