package io.outsidein.customer.service;

import io.outsidein.customer.domain.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Lists active customers page by page with keyset pagination: each page starts after the last row
 * of the previous one, so a deep page costs what the first one does. Every filter is served by an
 * index (see V2__customer_profile.sql and the README).
 */
@ApplicationScoped
public class CustomerSearch {
  /** Sorting by name uses the byte order of the "C" collation, the order of the name index. */
  private static final String NAME_KEY = "lower(c.display_name) COLLATE \"C\"";

  private final EntityManager entityManager;

  CustomerSearch(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** What to look for; null fields do not filter. A name prefix changes the order to (name, id). */
  public record Criteria(
      String segment,
      String email,
      String externalSystem,
      String externalId,
      String namePrefix,
      int limit,
      Position after) {}

  /** Where a page ended: the last id, and its name key when the search is by name. */
  public record Position(UUID id, String nameKey) {}

  public record Page(List<Customer> items, Position next) {}

  public Page search(Criteria criteria) {
    StringBuilder sql = new StringBuilder("SELECT c.* FROM customer c WHERE c.status = 'ACTIVE'");
    Map<String, Object> parameters = new HashMap<>();
    if (criteria.segment() != null) {
      sql.append(" AND c.segment = :segment");
      parameters.put("segment", criteria.segment());
    }
    if (criteria.email() != null) {
      sql.append(" AND c.email = :email");
      parameters.put("email", criteria.email().strip().toLowerCase(Locale.ROOT));
    }
    if (criteria.externalSystem() != null) {
      sql.append(
          " AND c.id = (SELECT r.customer_id FROM customer_external_ref r"
              + " WHERE r.system = :system AND r.external_id = :externalId)");
      parameters.put("system", criteria.externalSystem());
      parameters.put("externalId", criteria.externalId());
    }
    boolean byName = criteria.namePrefix() != null;
    if (byName) {
      // lower() of the database, so that the prefix and the index agree on every letter.
      String prefix = lower(criteria.namePrefix());
      sql.append(" AND ").append(NAME_KEY).append(" >= CAST(:prefix AS text)");
      parameters.put("prefix", prefix);
      String bound = successor(prefix);
      if (bound != null) {
        sql.append(" AND ").append(NAME_KEY).append(" < CAST(:bound AS text)");
        parameters.put("bound", bound);
      }
    }
    if (criteria.after() != null) {
      if (byName) {
        sql.append(" AND (")
            .append(NAME_KEY)
            .append(", c.id) > (CAST(:afterKey AS text) COLLATE \"C\", :afterId)");
        parameters.put("afterKey", criteria.after().nameKey());
      } else {
        sql.append(" AND c.id > :afterId");
      }
      parameters.put("afterId", criteria.after().id());
    }
    sql.append(byName ? " ORDER BY " + NAME_KEY + ", c.id" : " ORDER BY c.id");
    sql.append(" LIMIT :fetch");
    parameters.put("fetch", criteria.limit() + 1);

    Query query = entityManager.createNativeQuery(sql.toString(), Customer.class);
    parameters.forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Customer> rows = query.getResultList();
    if (rows.size() <= criteria.limit()) {
      return new Page(rows, null);
    }
    List<Customer> items = rows.subList(0, criteria.limit());
    Customer last = items.get(items.size() - 1);
    return new Page(
        List.copyOf(items), new Position(last.id, byName ? lower(last.displayName) : null));
  }

  private String lower(String text) {
    return (String)
        entityManager
            .createNativeQuery("SELECT lower(CAST(:text AS text))")
            .setParameter("text", text)
            .getSingleResult();
  }

  /**
   * The smallest string above every string that starts with {@code prefix} in code point order (the
   * "C" order of UTF-8), or null when there is none.
   */
  static String successor(String prefix) {
    int[] codePoints = prefix.codePoints().toArray();
    for (int i = codePoints.length - 1; i >= 0; i--) {
      int next = codePoints[i] + 1;
      if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
        next = Character.MAX_SURROGATE + 1;
      }
      if (next <= Character.MAX_CODE_POINT) {
        codePoints[i] = next;
        return new String(codePoints, 0, i + 1);
      }
    }
    return null;
  }
}
