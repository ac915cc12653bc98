package io.outsidein.insight.service;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Statements about a whole set of customers at once, on the current transaction's connection, with
 * the set bound as one array parameter: the consumer applies a poll of events for hundreds of
 * customers, and one statement per customer made it bound by round trips to the database.
 */
public final class SetStatements {
  private SetStatements() {}

  /** Runs JDBC work in the transaction, after writing out what the persistence context holds. */
  public static <T> T run(EntityManager entityManager, ReturningWork<T> work) {
    entityManager.flush();
    return entityManager.unwrap(Session.class).doReturningWork(work);
  }

  public static Array uuids(Connection connection, Collection<UUID> ids) throws SQLException {
    return connection.createArrayOf("uuid", ids.toArray(UUID[]::new));
  }

  public static void setInstant(PreparedStatement statement, int index, Instant at)
      throws SQLException {
    statement.setObject(index, at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  public static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  public static UUID uuid(ResultSet rows, String column) throws SQLException {
    return rows.getObject(column, UUID.class);
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
