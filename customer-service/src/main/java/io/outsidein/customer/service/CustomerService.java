package io.outsidein.customer.service;

import io.outsidein.customer.domain.Customer;
import io.outsidein.customer.domain.CustomerStatus;
import io.outsidein.events.customer.Consents;
import io.outsidein.events.customer.CustomerConsentChanged;
import io.outsidein.events.customer.CustomerRegistered;
import io.outsidein.events.customer.CustomerSegmentChanged;
import io.outsidein.events.customer.CustomerUpdated;
import io.outsidein.kit.actor.Actor;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Registers, reads and updates customers; every change writes its events in the same transaction.
 */
@ApplicationScoped
public class CustomerService {
  /** The Idempotency-Key scope of customer creation. */
  public static final String IDEMPOTENCY_SCOPE = "customers";

  private final Outbox outbox;
  private final DuplicateGuard duplicates;
  private final Clock clock;

  CustomerService(Outbox outbox, DuplicateGuard duplicates, Clock clock) {
    this.outbox = outbox;
    this.duplicates = duplicates;
    this.clock = clock;
  }

  @Transactional
  public Customer register(Profile profile) {
    duplicates.check(profile, null);
    Instant now = clock.instant();
    Customer customer = new Customer();
    customer.id = UUID.randomUUID();
    customer.status = CustomerStatus.ACTIVE;
    customer.createdAt = now;
    customer.createdBy = Actor.currentOrUnknown();
    customer.changedBy(customer.createdBy, now);
    apply(customer, profile);
    customer.persist();
    flush();
    outbox.record(new CustomerRegistered(customer.id, customer.segment, profile.consents(), now));
    return customer;
  }

  /** Any customer, whatever its status. */
  public Optional<Customer> find(UUID id) {
    return Customer.findByIdOptional(id);
  }

  /**
   * Applies {@code patch} to the profile of an active customer whose version is still {@code
   * expectedVersion}. The version is checked inside the transaction and again by the UPDATE's
   * {@code WHERE version = ?}, so of concurrent writers holding the same ETag exactly one wins.
   */
  @Transactional
  public Customer update(UUID id, long expectedVersion, UnaryOperator<Profile> patch) {
    Customer customer = Customer.<Customer>findByIdOptional(id).orElseThrow(() -> notFound(id));
    requireWritable(customer);
    if (customer.version != expectedVersion) {
      throw preconditionFailed(customer.id);
    }
    Profile before = Profile.of(customer);
    Profile after = patch.apply(before);
    duplicates.check(after, customer.id);
    List<String> changed = apply(customer, after);
    if (changed.isEmpty()) {
      return customer;
    }
    Instant now = clock.instant();
    customer.changedBy(Actor.currentOrUnknown(), now);
    try {
      flush();
    } catch (OptimisticLockException | org.hibernate.StaleStateException e) {
      throw preconditionFailed(customer.id);
    }
    outbox.record(new CustomerUpdated(customer.id, changed, now));
    if (changed.contains("segment")) {
      outbox.record(
          new CustomerSegmentChanged(customer.id, before.segment(), after.segment(), now));
    }
    if (changed.contains("consents")) {
      outbox.record(new CustomerConsentChanged(customer.id, after.consents(), now));
    }
    return customer;
  }

  /** Writes {@code profile} onto {@code customer} and names the fields that changed. */
  static List<String> apply(Customer customer, Profile profile) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(customer.displayName, profile.displayName())) {
      customer.displayName = profile.displayName();
      changed.add("displayName");
    }
    if (!Objects.equals(customer.email, profile.email())) {
      customer.email = profile.email();
      changed.add("email");
    }
    if (!Objects.equals(customer.phone, profile.phone())) {
      customer.phone = profile.phone();
      changed.add("phone");
    }
    if (!Objects.equals(customer.segment, profile.segment())) {
      customer.segment = profile.segment();
      changed.add("segment");
    }
    if (!Objects.equals(customer.locale, profile.locale())) {
      customer.locale = profile.locale();
      changed.add("locale");
    }
    Consents consents = profile.consents();
    if (customer.consentMarketing != consents.marketing()
        || customer.consentAnalytics != consents.analytics()) {
      customer.consentMarketing = consents.marketing();
      customer.consentAnalytics = consents.analytics();
      changed.add("consents");
    }
    if (!customer.externalRefs.equals(profile.externalRefs())) {
      customer.externalRefs.clear();
      customer.externalRefs.putAll(profile.externalRefs());
      changed.add("externalRefs");
    }
    Map<String, Object> attributes =
        profile.attributes().isEmpty() ? null : new LinkedHashMap<>(profile.attributes());
    if (!Objects.equals(customer.attributes, attributes)) {
      customer.attributes = attributes;
      changed.add("attributes");
    }
    return changed;
  }

  /** Flushes now so that a lost race surfaces here as a problem, not at commit as a 500. */
  static void flush() {
    try {
      Customer.flush();
    } catch (OptimisticLockException | org.hibernate.StaleStateException e) {
      throw e;
    } catch (PersistenceException e) {
      throw DuplicateGuard.fromUniqueViolation(e).orElseThrow(() -> e);
    }
  }

  static void requireWritable(Customer customer) {
    if (customer.status == CustomerStatus.ERASED) {
      throw gone(customer.id);
    }
    if (customer.status == CustomerStatus.MERGED) {
      throw ProblemException.conflict(
          "customer " + customer.id + " was merged into " + customer.mergedInto,
          Map.of("mergedInto", customer.mergedInto));
    }
  }

  static ProblemException notFound(UUID id) {
    return ProblemException.notFound("customer", id);
  }

  public static ProblemException gone(UUID id) {
    return new ProblemException(410, "gone", "Gone", "customer " + id + " was erased");
  }

  static ProblemException preconditionFailed(UUID id) {
    return new ProblemException(
        412,
        "precondition-failed",
        "Precondition failed",
        "customer " + id + " has changed since this ETag was read; read it again and retry");
  }
}
