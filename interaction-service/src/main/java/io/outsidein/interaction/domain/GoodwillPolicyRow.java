package io.outsidein.interaction.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of the goodwill policy as stored; versions are only ever added. */
@Entity
@Table(name = "goodwill_policy")
public class GoodwillPolicyRow extends PanacheEntityBase {
  @Id public int version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  /** Per currency code, its rules as plain JSON (see V3__goodwill_policy.sql). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public Map<String, Object> currencies;
}
