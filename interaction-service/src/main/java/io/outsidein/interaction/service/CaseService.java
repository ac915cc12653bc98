package io.outsidein.interaction.service;

import io.outsidein.events.TimeOrderedIds;
import io.outsidein.events.interaction.CaseHandedOff;
import io.outsidein.events.interaction.CaseOpened;
import io.outsidein.events.interaction.CaseResolved;
import io.outsidein.events.interaction.Department;
import io.outsidein.interaction.domain.CaseHandoff;
import io.outsidein.interaction.domain.CaseStatus;
import io.outsidein.interaction.domain.SupportCase;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Opens, hands off and resolves cases; a resolved case is closed to every further action. */
@ApplicationScoped
public class CaseService {
  private final CustomerResolver customers;
  private final EntityManager entityManager;
  private final Outbox outbox;
  private final Clock clock;

  CaseService(CustomerResolver customers, EntityManager entityManager, Outbox outbox, Clock clock) {
    this.customers = customers;
    this.entityManager = entityManager;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public CaseDetails open(UUID customerId, String subject, Department department, String actor) {
    ResolvedCustomer customer = customers.resolve(customerId);
    SupportCase c = new SupportCase();
    c.id = TimeOrderedIds.next();
    c.customerId = customer.id();
    c.subject = subject;
    c.department = department;
    c.currentDepartment = department;
    c.status = CaseStatus.OPEN;
    c.openedAt = clock.instant();
    c.openedBy = actor;
    c.persist();
    outbox.record(new CaseOpened(c.id, c.customerId, c.department, c.openedAt));
    return new CaseDetails(c, List.of(), 0);
  }

  @Transactional
  public CaseDetails handOff(UUID caseId, Department to, String note, String actor) {
    SupportCase c = openCaseForUpdate(caseId);
    if (c.currentDepartment == to) {
      throw ProblemException.unprocessable("case " + caseId + " is already with " + to);
    }
    List<CaseHandoff> handoffs = handoffsOf(List.of(caseId)).getOrDefault(caseId, List.of());
    CaseHandoff handoff = new CaseHandoff();
    handoff.id = TimeOrderedIds.next();
    handoff.caseId = caseId;
    handoff.seq = handoffs.size() + 1;
    handoff.fromDepartment = c.currentDepartment;
    handoff.toDepartment = to;
    handoff.note = note;
    handoff.handedOffAt = clock.instant();
    handoff.handedOffBy = actor;
    handoff.persist();
    c.currentDepartment = to;
    outbox.record(
        new CaseHandedOff(caseId, c.customerId, handoff.fromDepartment, to, handoff.handedOffAt));
    List<CaseHandoff> all = new java.util.ArrayList<>(handoffs);
    all.add(handoff);
    return new CaseDetails(c, all, contactCounts(List.of(caseId)).getOrDefault(caseId, 0L));
  }

  @Transactional
  public CaseDetails resolve(UUID caseId, String resolution, String actor) {
    SupportCase c = openCaseForUpdate(caseId);
    c.status = CaseStatus.RESOLVED;
    c.resolution = resolution;
    c.resolvedAt = clock.instant();
    c.resolvedBy = actor;
    outbox.record(new CaseResolved(caseId, c.customerId, c.resolvedAt));
    return details(c);
  }

  /**
   * The case, locked for the rest of the transaction so that concurrent actions apply in turn; 404
   * when unknown, 409 when resolved.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public SupportCase openCaseForUpdate(UUID caseId) {
    SupportCase c = entityManager.find(SupportCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
    if (c == null) {
      throw ProblemException.notFound("case", caseId);
    }
    if (c.status == CaseStatus.RESOLVED) {
      throw ProblemException.conflict(
          "case " + caseId + " is resolved; open a new case instead",
          Map.of("caseStatus", CaseStatus.RESOLVED));
    }
    return c;
  }

  @Transactional
  public Optional<CaseDetails> find(UUID caseId) {
    return SupportCase.<SupportCase>findByIdOptional(caseId).map(this::details);
  }

  /** A customer's cases, newest first, optionally of one status. */
  @Transactional
  public Page<CaseDetails> ofCustomer(UUID customerId, CaseStatus status, int limit, Cursor after) {
    StringBuilder jpql = new StringBuilder("FROM SupportCase c WHERE c.customerId = :customer");
    Map<String, Object> params = new HashMap<>();
    params.put("customer", customerId);
    if (status != null) {
      jpql.append(" AND c.status = :status");
      params.put("status", status);
    }
    if (after != null) {
      jpql.append(
          " AND (c.openedAt < :afterTime OR (c.openedAt = :afterTime AND c.id < :afterId))");
      params.put("afterTime", after.time());
      params.put("afterId", after.id());
    }
    jpql.append(" ORDER BY c.openedAt DESC, c.id DESC");
    TypedQuery<SupportCase> query = entityManager.createQuery(jpql.toString(), SupportCase.class);
    params.forEach(query::setParameter);
    Page<SupportCase> page =
        Page.of(query.setMaxResults(limit + 1).getResultList(), limit, c -> c.openedAt, c -> c.id);
    List<UUID> ids = page.items().stream().map(c -> c.id).toList();
    Map<UUID, List<CaseHandoff>> handoffs = handoffsOf(ids);
    Map<UUID, Long> contacts = contactCounts(ids);
    return page.map(
        c ->
            new CaseDetails(
                c, handoffs.getOrDefault(c.id, List.of()), contacts.getOrDefault(c.id, 0L)));
  }

  private CaseDetails details(SupportCase c) {
    return new CaseDetails(
        c,
        handoffsOf(List.of(c.id)).getOrDefault(c.id, List.of()),
        contactCounts(List.of(c.id)).getOrDefault(c.id, 0L));
  }

  private Map<UUID, List<CaseHandoff>> handoffsOf(List<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return Map.of();
    }
    return CaseHandoff.<CaseHandoff>list("caseId in ?1 order by seq", caseIds).stream()
        .collect(Collectors.groupingBy(h -> h.caseId));
  }

  private Map<UUID, Long> contactCounts(List<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Long> counts = new HashMap<>();
    entityManager
        .createQuery(
            "SELECT i.caseId, count(i) FROM Interaction i WHERE i.caseId IN :ids GROUP BY i.caseId",
            Object[].class)
        .setParameter("ids", caseIds)
        .getResultList()
        .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
    return counts;
  }
}
