package io.outsidein.customer.service;

import io.outsidein.customer.domain.Customer;
import io.outsidein.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One person, one profile: refuses an email held by another active customer and an external
 * reference held by any other customer, naming the holder so the caller can use it instead.
 */
@ApplicationScoped
public class DuplicateGuard {

  /** Checks {@code profile} as it would be held by {@code self} (null for a new customer). */
  public void check(Profile profile, UUID self) {
    if (profile.email() != null) {
      Customer.findActiveByEmail(profile.email())
          .filter(holder -> !holder.id.equals(self))
          .ifPresent(
              holder -> {
                throw held("email", "a customer with this email exists", holder.id);
              });
    }
    profile
        .externalRefs()
        .forEach(
            (system, externalId) ->
                Customer.findByExternalRef(system, externalId)
                    .filter(holder -> !holder.id.equals(self))
                    .ifPresent(
                        holder -> {
                          throw held(
                              "externalRefs." + system,
                              "a customer with the external reference "
                                  + system
                                  + ":"
                                  + externalId
                                  + " exists",
                              holder.id);
                        }));
  }

  /**
   * Turns a unique-index violation (a concurrent writer won the race after {@link #check}) into the
   * same 409, without the holder's id: the failed transaction can no longer look it up.
   */
  public static Optional<ProblemException> fromUniqueViolation(PersistenceException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.hibernate.exception.ConstraintViolationException violation
          && violation.getConstraintName() != null) {
        String name = violation.getConstraintName();
        if (name.contains("customer_active_email")) {
          return Optional.of(held("email", "a customer with this email exists", null));
        }
        if (name.contains("customer_external_ref")) {
          return Optional.of(
              held("externalRefs", "a customer with this external reference exists", null));
        }
      }
    }
    return Optional.empty();
  }

  private static ProblemException held(String field, String detail, UUID holder) {
    return holder == null
        ? ProblemException.conflict(detail, Map.of("field", field))
        : ProblemException.conflict(detail, Map.of("field", field, "existingId", holder));
  }
}
