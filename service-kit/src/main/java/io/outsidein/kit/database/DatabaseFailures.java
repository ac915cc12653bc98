package io.outsidein.kit.database;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells an unavailable database (retry later: 503 for a caller, no dead letter for an event) from a
 * failure that retrying will not cure.
 */
public final class DatabaseFailures {
  private DatabaseFailures() {}

  /** Whether anything in the cause chain says the database is unreachable or overloaded. */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && transientState(sql.getSQLState(), sql.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static boolean transientState(String state, String message) {
    if (state == null) {
      // Agroal reports an exhausted or unreachable pool without a SQL state.
      return message != null && message.contains("Acquisition timeout");
    }
    return state.startsWith("08") // connection exception
        || state.startsWith("53") // insufficient resources
        || state.startsWith("57P") // server shutting down
        || state.equals("40001") // serialization failure
        || state.equals("40P01"); // deadlock
  }
}
