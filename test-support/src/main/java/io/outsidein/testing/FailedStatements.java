package io.outsidein.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** What a failed statement tells about itself: the text that would reach the logs. */
public final class FailedStatements {
  private FailedStatements() {}

  /**
   * Inserts {@code value} twice into a unique column of a temporary table, in one JDBC batch as the
   * services write, and returns every message of the failure's chain (next exceptions included).
   */
  public static String messagesOfADuplicateInsert(DataSource dataSource, String value) {
    try (Connection connection = dataSource.getConnection();
        Statement setup = connection.createStatement()) {
      setup.execute("CREATE TEMPORARY TABLE IF NOT EXISTS failed_statement (v text PRIMARY KEY)");
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO failed_statement (v) VALUES (?)")) {
        insert.setString(1, value);
        insert.addBatch();
        insert.setString(1, value);
        insert.addBatch();
        insert.executeBatch();
      } finally {
        setup.execute("DROP TABLE IF EXISTS failed_statement");
      }
    } catch (SQLException failure) {
      StringBuilder messages = new StringBuilder();
      for (Throwable t = failure; t != null; t = t.getCause()) {
        messages.append(t).append('\n');
      }
      for (SQLException next = failure.getNextException();
          next != null;
          next = next.getNextException()) {
        messages.append(next).append('\n');
      }
      return messages.toString();
    }
    throw new IllegalStateException("the duplicate insert did not fail");
  }
}
