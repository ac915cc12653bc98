package io.outsidein.insight.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer as insight sees it: ids, segment and status only, never personal data. */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile extends PanacheEntityBase {
  @Id
  @Column(name = "customer_id")
  public UUID customerId;

  @Column(nullable = false)
  public String segment;

  @Column(nullable = false)
  public String status;

  @Column(name = "registered_at", nullable = false)
  public Instant registeredAt;

  /** When the segment was set: an older event never overwrites a newer segment. */
  @Column(name = "segment_at")
  public Instant segmentAt;
}
