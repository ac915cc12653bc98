package io.outsidein.interaction.service;

import io.outsidein.interaction.client.CustomerServiceClient;
import io.outsidein.interaction.client.CustomerView;
import io.outsidein.interaction.domain.KnownCustomer;
import io.outsidein.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Decides which customer a record belongs to. Customers are known from customer-events; on a miss
 * customer-service is asked once (a customer created a moment ago is accepted) and its answer is
 * remembered. Unknown and erased customers are refused with 422; merged ones lead to the survivor.
 */
@ApplicationScoped
public class CustomerResolver {
  private static final Logger LOG = Logger.getLogger(CustomerResolver.class);
  private static final int MAX_MERGE_HOPS = 10;

  private final EntityManager entityManager;
  private final CustomerServiceClient customerService;

  CustomerResolver(EntityManager entityManager, @RestClient CustomerServiceClient customerService) {
    this.entityManager = entityManager;
    this.customerService = customerService;
  }

  /** Resolves one customer, or throws the problem that explains why it cannot be used. */
  @Transactional(Transactional.TxType.MANDATORY)
  public ResolvedCustomer resolve(UUID customerId) {
    return resolveAll(List.of(customerId)).get(customerId).orThrow();
  }

  /**
   * The customer a read is about, for answers that name a customer rather than record for one: the
   * survivor of a merge; an unknown customer is a 404 and an erased one a 410, as customer-service
   * answers them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ResolvedCustomer resolveForReading(UUID customerId) {
    Resolution resolution = resolveAll(List.of(customerId)).get(customerId);
    return switch (resolution.refusal()) {
      case UNKNOWN -> throw ProblemException.notFound("customer", customerId);
      case ERASED ->
          throw new ProblemException(410, "gone", "Gone", "customer " + customerId + " was erased");
      case NONE, OTHER -> resolution.orThrow();
    };
  }

  /**
   * Resolves many customers with one query for those already known, asking customer-service only
   * about the others.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<UUID, Resolution> resolveAll(Collection<UUID> customerIds) {
    Map<UUID, KnownCustomer> known = new HashMap<>();
    List<UUID> distinct = customerIds.stream().distinct().toList();
    if (distinct.size() == 1) {
      // A single POST: a plain find. A multi-load builds and translates its select on every
      // call, which profiling showed to be a sixth of a single POST's CPU.
      KnownCustomer customer = entityManager.find(KnownCustomer.class, distinct.get(0));
      if (customer != null) {
        known.put(customer.customerId, customer);
      }
    } else if (!distinct.isEmpty()) {
      // Loaded by primary key: an "in (...)" query is translated anew for every list length,
      // which profiling showed to be a third of a single POST's CPU.
      entityManager
          .unwrap(Session.class)
          .findMultiple(KnownCustomer.class, distinct)
          .forEach(
              c -> {
                if (c != null) {
                  known.put(c.customerId, c);
                }
              });
    }
    Map<UUID, Resolution> resolved = new HashMap<>();
    for (UUID id : customerIds) {
      resolved.computeIfAbsent(id, i -> follow(i, known));
    }
    return resolved;
  }

  private Resolution follow(UUID id, Map<UUID, KnownCustomer> known) {
    UUID current = id;
    for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      KnownCustomer customer;
      try {
        customer = known.computeIfAbsent(current, this::lookUp);
      } catch (ProblemException unavailable) {
        return Resolution.failed(unavailable);
      }
      if (customer == null) {
        return Resolution.failed(
            Refusal.UNKNOWN, ProblemException.unprocessable("customer " + id + " is unknown"));
      }
      switch (customer.status) {
        case ACTIVE -> {
          return Resolution.of(new ResolvedCustomer(customer.customerId, customer.segment));
        }
        case ERASED -> {
          return Resolution.failed(
              Refusal.ERASED, ProblemException.unprocessable("customer " + id + " was erased"));
        }
        case MERGED -> {
          if (customer.mergedInto == null) {
            return Resolution.failed(
                ProblemException.unprocessable(
                    "customer " + id + " was merged into an unknown one"));
          }
          current = customer.mergedInto;
        }
      }
    }
    return Resolution.failed(
        ProblemException.unprocessable("customer " + id + " has too long a chain of merges"));
  }

  /** Asks customer-service and remembers a definite answer; null when the customer is unknown. */
  private KnownCustomer lookUp(UUID id) {
    CustomerView view;
    try {
      view = customerService.get(id);
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status == 404) {
        return null;
      }
      if (status == 410) {
        return remember(id, KnownCustomer.Status.ERASED, null, null);
      }
      throw unavailable(id, "answered " + status);
    } catch (ProcessingException e) {
      throw unavailable(id, e.getMessage());
    }
    if (view == null || view.status() == null) {
      throw unavailable(id, "gave no status");
    }
    return switch (view.status()) {
      case "MERGED" -> remember(id, KnownCustomer.Status.MERGED, view.mergedInto(), view.segment());
      case "ERASED" -> remember(id, KnownCustomer.Status.ERASED, null, null);
      default -> remember(id, KnownCustomer.Status.ACTIVE, null, view.segment());
    };
  }

  private KnownCustomer remember(
      UUID id, KnownCustomer.Status status, UUID mergedInto, String segment) {
    // A customer event may record the same customer concurrently: it wins, which is fine.
    entityManager
        .createNativeQuery(
            "INSERT INTO known_customer (customer_id, status, merged_into, segment)"
                + " VALUES (:id, :status, :mergedInto, :segment) ON CONFLICT DO NOTHING")
        .setParameter("id", id)
        .setParameter("status", status.name())
        .setParameter("mergedInto", mergedInto)
        .setParameter("segment", segment)
        .executeUpdate();
    KnownCustomer customer = KnownCustomer.of(id, status);
    customer.mergedInto = mergedInto;
    customer.segment = segment;
    return customer;
  }

  private static ProblemException unavailable(UUID id, String why) {
    LOG.warnf("customer-service could not confirm customer %s: %s", id, why);
    return new ProblemException(
        503,
        "customer-lookup-unavailable",
        "Service unavailable",
        "customer " + id + " is not known yet and customer-service could not confirm it; retry");
  }

  /** Why a customer cannot be used: unknown, erased, or another reason (NONE when it can). */
  public enum Refusal {
    NONE,
    UNKNOWN,
    ERASED,
    OTHER
  }

  /** A customer resolved, or the problem that refuses it and its kind. */
  public record Resolution(ResolvedCustomer customer, Refusal refusal, ProblemException problem) {
    static Resolution of(ResolvedCustomer customer) {
      return new Resolution(customer, Refusal.NONE, null);
    }

    static Resolution failed(ProblemException problem) {
      return failed(Refusal.OTHER, problem);
    }

    static Resolution failed(Refusal refusal, ProblemException problem) {
      return new Resolution(null, refusal, problem);
    }

    public ResolvedCustomer orThrow() {
      if (problem != null) {
        throw problem;
      }
      return customer;
    }
  }
}
