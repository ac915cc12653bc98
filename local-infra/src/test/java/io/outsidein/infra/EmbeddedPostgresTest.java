package io.outsidein.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback for a machine with only a JDK: real PostgreSQL binaries from Maven Central. */
class EmbeddedPostgresTest {

  @Test
  void startsAnEmbeddedServerThatCreatesAndDropsDatabases(@TempDir Path dir) throws Exception {
    try (PostgresServer server = PostgresServer.embedded(dir.resolve("pg"), false)) {
      assertThat(server.isEmbedded()).isTrue();
      server.ensureDatabase("customers");
      server.ensureDatabase("customers"); // a second time is harmless

      try (Connection c = server.connect("customers");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (v int)");
        s.execute("INSERT INTO t VALUES (42)");
        try (ResultSet rs = s.executeQuery("SELECT v FROM t")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(42);
        }
      }
      server.dropDatabase("customers");
      try (Connection c = server.connect("postgres");
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'customers'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }
}
