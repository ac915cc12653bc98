package io.outsidein.kit.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  @Test
  void recognisesAnUnreachableDatabaseAnywhereInTheCauseChain() {
    RuntimeException wrapped =
        new RuntimeException("tx failed", new SQLException("connection refused", "08001"));
    assertThat(DatabaseFailures.isTransient(wrapped)).isTrue();
    assertThat(DatabaseFailures.isTransient(new SQLTransientConnectionException("gone"))).isTrue();
    assertThat(
            DatabaseFailures.isTransient(
                new SQLException("Acquisition timeout while waiting for new connection")))
        .isTrue();
  }

  @Test
  void doesNotMistakeABadStatementOrABugForAnOutage() {
    assertThat(DatabaseFailures.isTransient(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseFailures.isTransient(new IllegalStateException("bug"))).isFalse();
  }
}
