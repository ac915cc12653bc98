package io.outsidein.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer's profile: the one place that holds their name and contact details. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "display_name")
  public String displayName;

  public String email;

  public String phone;

  @Column(nullable = false)
  public String segment;

  public String locale;

  @Column(name = "consent_marketing", nullable = false)
  public boolean consentMarketing;

  @Column(name = "consent_analytics", nullable = false)
  public boolean consentAnalytics;

  /** Identifiers of this customer in other systems, by system. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "customer_external_ref", joinColumns = @JoinColumn(name = "customer_id"))
  @MapKeyColumn(name = "system")
  @Column(name = "external_id", nullable = false)
  public Map<String, String> externalRefs = new LinkedHashMap<>();

  /** Free scalar attributes (string, number or boolean), stored as jsonb. */
  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> attributes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CustomerStatus status;

  @Column(name = "merged_into")
  public UUID mergedInto;

  /** Optimistic lock and the source of the ETag. */
  @Version public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** Who created it (the caller's X-Actor, else this service); null in rows older than this. */
  @Column(name = "created_by")
  public String createdBy;

  /** Who changed it last, a merge or an erasure included. */
  @Column(name = "updated_by")
  public String updatedBy;

  /**
   * Who asked for its erasure: kept, as proof of who exercised the right, once all else is gone.
   */
  @Column(name = "erasure_requested_by")
  public String erasureRequestedBy;

  /** Records {@code actor} as the last to change this customer, at {@code now}. */
  public void changedBy(String actor, Instant now) {
    updatedAt = now;
    updatedBy = actor;
  }

  public boolean isActive() {
    return status == CustomerStatus.ACTIVE;
  }

  public static Optional<Customer> findActiveByEmail(String email) {
    return find("email = ?1 and status = ?2", email, CustomerStatus.ACTIVE).firstResultOptional();
  }

  /** The customer that holds {@code system:externalId}, whatever its status. */
  public static Optional<Customer> findByExternalRef(String system, String externalId) {
    return find(
            "select c from Customer c join c.externalRefs r"
                + " where key(r) = ?1 and value(r) = ?2",
            system,
            externalId)
        .firstResultOptional();
  }
}
