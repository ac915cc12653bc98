package io.outsidein.interaction.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A customer this service has heard of, with the status that decides what may be recorded. */
@Entity
@Table(name = "known_customer")
public class KnownCustomer extends PanacheEntityBase {
  public enum Status {
    ACTIVE,
    MERGED,
    ERASED
  }

  @Id
  @Column(name = "customer_id")
  public UUID customerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "merged_into")
  public UUID mergedInto;

  /** The customer's segment, which decides the goodwill latitude; null until known. */
  public String segment;

  public static KnownCustomer of(UUID id, Status status) {
    KnownCustomer customer = new KnownCustomer();
    customer.customerId = id;
    customer.status = status;
    return customer;
  }
}
