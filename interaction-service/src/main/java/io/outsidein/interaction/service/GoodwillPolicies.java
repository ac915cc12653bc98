package io.outsidein.interaction.service;

import io.outsidein.events.interaction.GoodwillPolicyChanged;
import io.outsidein.interaction.domain.GoodwillPolicyRow;
import io.outsidein.interaction.service.GoodwillPolicy.CurrencyRules;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The goodwill policy's versions: the highest applies; a change adds a version, never edits one.
 */
@ApplicationScoped
public class GoodwillPolicies {
  // Any fixed number: the key of the advisory lock that serialises policy changes.
  private static final long CHANGE_LOCK = 0x600D_0111L;

  private final EntityManager entityManager;
  private final Outbox outbox;
  private final Clock clock;

  GoodwillPolicies(EntityManager entityManager, Outbox outbox, Clock clock) {
    this.entityManager = entityManager;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The version that decides the gestures granted now. */
  public GoodwillPolicy current() {
    return GoodwillPolicy.from(
        entityManager
            .createQuery("FROM GoodwillPolicyRow ORDER BY version DESC", GoodwillPolicyRow.class)
            .setMaxResults(1)
            .getSingleResult());
  }

  /** Every version, newest first. */
  public List<GoodwillPolicy> versions() {
    return entityManager
        .createQuery("FROM GoodwillPolicyRow ORDER BY version DESC", GoodwillPolicyRow.class)
        .getResultStream()
        .map(GoodwillPolicy::from)
        .toList();
  }

  /**
   * Adds the next version, when {@code expectedVersion} is still the current one (else 412): two
   * admins editing the same version cannot overwrite each other. The change is published as a
   * GoodwillPolicyChanged event, in the same transaction.
   */
  @Transactional
  public GoodwillPolicy replace(
      int expectedVersion, Map<String, CurrencyRules> currencies, String actor) {
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
        .setParameter("key", CHANGE_LOCK)
        .getSingleResult();
    GoodwillPolicy current = current();
    if (current.version() != expectedVersion) {
      throw stale(current.version());
    }
    GoodwillPolicyRow row = new GoodwillPolicyRow();
    row.version = current.version() + 1;
    row.createdAt = clock.instant();
    row.createdBy = actor;
    row.currencies = GoodwillPolicy.toJson(currencies);
    row.persist();
    GoodwillPolicy policy = GoodwillPolicy.from(row);
    outbox.record(changed(policy));
    return policy;
  }

  private static GoodwillPolicyChanged changed(GoodwillPolicy policy) {
    Map<String, GoodwillPolicyChanged.CurrencyRules> currencies = new TreeMap<>();
    policy
        .currencies()
        .forEach(
            (currency, rules) -> {
              Map<String, String> segments = new TreeMap<>();
              rules.segmentLatitudes().forEach((s, v) -> segments.put(s, v.toPlainString()));
              currencies.put(
                  currency,
                  new GoodwillPolicyChanged.CurrencyRules(
                      rules.latitude().toPlainString(),
                      segments,
                      rules.windowAmount().toPlainString(),
                      rules.windowDays(),
                      rules.personMonth().toPlainString()));
            });
    return new GoodwillPolicyChanged(
        policy.version(), policy.createdBy(), policy.createdAt(), currencies);
  }

  static ProblemException stale(int currentVersion) {
    return new ProblemException(
        412,
        "precondition-failed",
        "Precondition failed",
        "the goodwill policy is at version "
            + currentVersion
            + "; read it again and send its ETag in If-Match");
  }
}
