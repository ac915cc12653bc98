package io.outsidein.interaction.service;

import io.outsidein.events.TimeOrderedIds;
import io.outsidein.events.interaction.GestureDecided;
import io.outsidein.events.interaction.GestureGranted;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.config.GestureConfig;
import io.outsidein.interaction.domain.Gesture;
import io.outsidein.interaction.domain.KnownCustomer;
import io.outsidein.interaction.domain.SupportCase;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Goodwill gestures: the front line's decision within the latitude of the customer's segment, a
 * supervisor's above it.
 */
@ApplicationScoped
public class GestureService {
  private final CaseService cases;
  private final GestureConfig config;
  private final EntityManager entityManager;
  private final Outbox outbox;
  private final Clock clock;

  GestureService(
      CaseService cases,
      GestureConfig config,
      EntityManager entityManager,
      Outbox outbox,
      Clock clock) {
    this.cases = cases;
    this.config = config;
    this.entityManager = entityManager;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public Gesture grant(UUID caseId, Money amount, String reason, String actor) {
    SupportCase supportCase = cases.openCaseForUpdate(caseId);
    BigDecimal latitude = config.latitudeFor(segmentOf(supportCase.customerId));
    Gesture g = new Gesture();
    g.id = TimeOrderedIds.next();
    g.caseId = caseId;
    g.customerId = supportCase.customerId;
    g.amountValue = amount.value();
    g.amountCurrency = amount.currency();
    g.reason = reason;
    g.latitude = latitude;
    g.status =
        amount.value().compareTo(latitude) <= 0
            ? GestureStatus.APPROVED
            : GestureStatus.PENDING_APPROVAL;
    g.grantedAt = clock.instant();
    g.grantedBy = actor;
    g.persist();
    outbox.record(
        new GestureGranted(g.id, caseId, g.customerId, g.amount(), g.status, g.grantedAt));
    return g;
  }

  @Transactional
  public Gesture decide(UUID gestureId, boolean approve, String note, String actor) {
    Gesture g = entityManager.find(Gesture.class, gestureId, LockModeType.PESSIMISTIC_WRITE);
    if (g == null) {
      throw ProblemException.notFound("gesture", gestureId);
    }
    if (g.status != GestureStatus.PENDING_APPROVAL) {
      throw ProblemException.conflict(
          "gesture " + gestureId + " is already " + g.status + "; it can be decided only once",
          Map.of("gestureStatus", g.status));
    }
    g.status = approve ? GestureStatus.APPROVED : GestureStatus.REJECTED;
    g.decidedAt = clock.instant();
    g.decidedBy = actor;
    g.decisionNote = note;
    outbox.record(new GestureDecided(g.id, g.caseId, g.customerId, g.status, g.decidedAt));
    return g;
  }

  public Optional<Gesture> find(UUID id) {
    return Gesture.findByIdOptional(id);
  }

  /** Gestures newest first, optionally of one status (a supervisor's queue: PENDING_APPROVAL). */
  public Page<Gesture> list(GestureStatus status, int limit, Cursor after) {
    StringBuilder jpql = new StringBuilder("FROM Gesture g WHERE 1 = 1");
    if (status != null) {
      jpql.append(" AND g.status = :status");
    }
    if (after != null) {
      jpql.append(
          " AND (g.grantedAt < :afterTime OR (g.grantedAt = :afterTime AND g.id < :afterId))");
    }
    jpql.append(" ORDER BY g.grantedAt DESC, g.id DESC");
    TypedQuery<Gesture> query = entityManager.createQuery(jpql.toString(), Gesture.class);
    if (status != null) {
      query.setParameter("status", status);
    }
    if (after != null) {
      query.setParameter("afterTime", after.time()).setParameter("afterId", after.id());
    }
    return Page.of(
        query.setMaxResults(limit + 1).getResultList(), limit, g -> g.grantedAt, g -> g.id);
  }

  private String segmentOf(UUID customerId) {
    KnownCustomer customer = KnownCustomer.findById(customerId);
    return customer == null ? null : customer.segment;
  }
}
