package io.outsidein.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A customer's profile: the one place that holds their name and contact details. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "display_name")
  public String displayName;

  public String email;

  @Column(nullable = false)
  public String segment;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CustomerStatus status;

  /** Optimistic lock and the source of the ETag. */
  @Version public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public static Optional<Customer> findActiveByEmail(String email) {
    return find("email = ?1 and status = ?2", email, CustomerStatus.ACTIVE).firstResultOptional();
  }
}
