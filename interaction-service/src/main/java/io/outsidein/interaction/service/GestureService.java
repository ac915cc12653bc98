package io.outsidein.interaction.service;

import io.outsidein.events.TimeOrderedIds;
import io.outsidein.events.interaction.GestureDecided;
import io.outsidein.events.interaction.GestureGranted;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.actions.ActionService;
import io.outsidein.interaction.domain.Gesture;
import io.outsidein.interaction.domain.KnownCustomer;
import io.outsidein.interaction.domain.SupportCase;
import io.outsidein.interaction.experiments.CustomerArm;
import io.outsidein.interaction.experiments.CustomerArms;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Goodwill gestures: the front line's decision within the latitude of the customer's segment (or of
 * their experiment arm), a supervisor's above it.
 */
@ApplicationScoped
public class GestureService {
  private static final String CUSTOMER_LOCK = "goodwill-customer:";
  private static final String PERSON_LOCK = "goodwill-person:";

  private final CaseService cases;
  private final CustomerResolver customers;
  private final GoodwillPolicies policies;
  private final CustomerArms arms;
  private final ActionService actions;
  private final EntityManager entityManager;
  private final Outbox outbox;
  private final Clock clock;

  GestureService(
      CaseService cases,
      CustomerResolver customers,
      GoodwillPolicies policies,
      CustomerArms arms,
      ActionService actions,
      EntityManager entityManager,
      Outbox outbox,
      Clock clock) {
    this.cases = cases;
    this.customers = customers;
    this.policies = policies;
    this.arms = arms;
    this.actions = actions;
    this.entityManager = entityManager;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Grants a gesture, decided by the current policy. Grants to one customer are serialised (an
   * advisory lock per customer), and so are one person's, so concurrent grants cannot together pass
   * the customer's window or the person's month.
   */
  @Transactional
  public Gesture grant(UUID caseId, Money amount, String reason, String actor) {
    SupportCase supportCase = cases.openCaseForUpdate(caseId);
    // Always customer first, then person: a fixed order, so two grants cannot deadlock.
    lock(CUSTOMER_LOCK + supportCase.customerId, false);
    lock(PERSON_LOCK + actor, false);
    String segment = segmentOf(supportCase.customerId);
    GoodwillPolicy policy = policies.current();
    List<CustomerArm> customerArms = arms.running(supportCase.customerId);
    GoodwillDecision decision =
        GoodwillRules.decide(
            policy,
            amount,
            segment,
            customerArms,
            actor,
            usage(policy, supportCase.customerId, actor, amount.currency()));
    Gesture g = new Gesture();
    g.id = TimeOrderedIds.next();
    g.caseId = caseId;
    g.customerId = supportCase.customerId;
    g.amountValue = amount.value();
    g.amountCurrency = amount.currency();
    g.reason = reason;
    g.latitude =
        GoodwillRules.latitude(policy, amount.currency(), segment, customerArms).orElse(null);
    g.status = decision.outcome();
    g.decisionOutcome = decision.outcome();
    g.decisionRule = decision.rule().name();
    g.decisionDetail = decision.detail();
    g.policyVersion = decision.policyVersion();
    g.grantedAt = clock.instant();
    g.grantedBy = actor;
    g.persist();
    outbox.record(
        new GestureGranted(
            g.id,
            caseId,
            g.customerId,
            g.amount(),
            g.status,
            g.grantedAt,
            g.decisionRule,
            g.policyVersion));
    if (g.status == GestureStatus.APPROVED) {
      actions.gestureApproved(g, actor);
    }
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
    if (approve) {
      actions.gestureApproved(g, actor);
    }
    return g;
  }

  public Optional<Gesture> find(UUID id) {
    return Gesture.findByIdOptional(id);
  }

  /**
   * Gestures newest first, optionally of one status; PENDING_APPROVAL is a supervisor's queue and
   * comes oldest first, so the one waiting longest is decided first.
   */
  public Page<Gesture> list(GestureStatus status, int limit, Cursor after) {
    boolean queue = status == GestureStatus.PENDING_APPROVAL;
    String before = queue ? ">" : "<";
    String direction = queue ? "ASC" : "DESC";
    StringBuilder jpql = new StringBuilder("FROM Gesture g WHERE 1 = 1");
    if (status != null) {
      jpql.append(" AND g.status = :status");
    }
    if (after != null) {
      jpql.append(" AND (g.grantedAt ")
          .append(before)
          .append(" :afterTime OR (g.grantedAt = :afterTime AND g.id ")
          .append(before)
          .append(" :afterId))");
    }
    jpql.append(" ORDER BY g.grantedAt ").append(direction).append(", g.id ").append(direction);
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

  /** What {@code actor} may still give {@code customerId} now, and the customer's last gestures. */
  public record Standing(
      UUID customerId,
      String segment,
      String actor,
      int policyVersion,
      List<GoodwillRules.Allowance> currencies,
      List<Gesture> lastGestures) {}

  /**
   * Per currency of the current policy: the latitude for this customer (their experiment arm's,
   * else their segment's) and what is left of the customer's window and of the actor's month, as
   * {@link GoodwillRules} would count them for a grant now; plus the customer's last {@code last}
   * gestures, newest first. A merged customer's standing is the survivor's; an unknown customer is
   * a 404, an erased one a 410.
   *
   * <p>It takes the grant's locks, shared: a grant in flight for this customer or this person
   * finishes first, so the figures and the last gestures are one consistent picture (without them,
   * a grant committing between the sums could show a gesture that no budget counts). Standings do
   * not wait for each other.
   */
  @Transactional
  public Standing standing(UUID requestedId, String actor, int last) {
    ResolvedCustomer customer = customers.resolveForReading(requestedId);
    UUID customerId = customer.id();
    lock(CUSTOMER_LOCK + customerId, true);
    lock(PERSON_LOCK + actor, true);
    String segment = customer.segment();
    GoodwillPolicy policy = policies.current();
    List<CustomerArm> customerArms = arms.running(customerId);
    List<GoodwillRules.Allowance> currencies =
        policy.currencies().keySet().stream()
            .map(
                currency ->
                    GoodwillRules.allowance(
                            policy,
                            currency,
                            segment,
                            customerArms,
                            usage(policy, customerId, actor, currency))
                        .orElseThrow())
            .toList();
    List<Gesture> gestures =
        entityManager
            .createQuery(
                "FROM Gesture g WHERE g.customerId = :customer ORDER BY g.grantedAt DESC, g.id DESC",
                Gesture.class)
            .setParameter("customer", customerId)
            .setMaxResults(last)
            .getResultList();
    return new Standing(customerId, segment, actor, policy.version(), currencies, gestures);
  }

  private GoodwillRules.Usage usage(
      GoodwillPolicy policy, UUID customerId, String actor, String currency) {
    Instant now = clock.instant();
    int days = policy.rulesFor(currency).map(GoodwillPolicy.CurrencyRules::windowDays).orElse(0);
    Instant windowStart = now.minus(Duration.ofDays(days));
    LocalDate monthStart = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
    BigDecimal customerWindow =
        approvedAtOnce("g.customerId = :who", customerId, currency, windowStart);
    BigDecimal personMonth =
        approvedAtOnce(
            "g.grantedBy = :who",
            actor,
            currency,
            monthStart.atStartOfDay(ZoneOffset.UTC).toInstant());
    return new GoodwillRules.Usage(
        customerWindow, LocalDate.ofInstant(windowStart, ZoneOffset.UTC), personMonth, monthStart);
  }

  private BigDecimal approvedAtOnce(String whose, Object who, String currency, Instant since) {
    BigDecimal sum =
        entityManager
            .createQuery(
                "SELECT SUM(g.amountValue) FROM Gesture g WHERE "
                    + whose
                    + " AND g.amountCurrency = :currency AND g.decisionOutcome = :approved"
                    + " AND g.grantedAt > :since",
                BigDecimal.class)
            .setParameter("who", who)
            .setParameter("currency", currency)
            .setParameter("approved", GestureStatus.APPROVED)
            .setParameter("since", since)
            .getSingleResult();
    return sum == null ? BigDecimal.ZERO : sum;
  }

  private void lock(String key, boolean shared) {
    entityManager
        .createNativeQuery(
            shared
                ? "SELECT pg_advisory_xact_lock_shared(hashtextextended(:key, 0))"
                : "SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .setParameter("key", key)
        .getSingleResult();
  }

  private String segmentOf(UUID customerId) {
    KnownCustomer customer = KnownCustomer.findById(customerId);
    return customer == null ? null : customer.segment;
  }
}
