package io.outsidein.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the suite uses: the one on localhost:5432 when it answers, otherwise an
 * embedded one (real PostgreSQL binaries from Maven Central), so a machine with only a JDK works.
 *
 * <p>Environment: OUTSIDEIN_PG_HOST, OUTSIDEIN_PG_PORT, OUTSIDEIN_PG_USER, OUTSIDEIN_PG_PASSWORD;
 * OUTSIDEIN_PG_EMBEDDED=always skips the local server.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final EmbeddedPostgres embedded;

  private PostgresServer(
      String host, int port, String user, String password, EmbeddedPostgres embedded) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  /**
   * The local server if it answers, else an embedded one with its data in {@code embeddedData}
   * (kept between runs when {@code keepData}).
   */
  public static PostgresServer localOrEmbedded(Path embeddedData, boolean keepData) {
    String host = env("OUTSIDEIN_PG_HOST", "localhost");
    int port = Integer.parseInt(env("OUTSIDEIN_PG_PORT", "5432"));
    String user = env("OUTSIDEIN_PG_USER", "postgres");
    String password = env("OUTSIDEIN_PG_PASSWORD", "");
    boolean forceEmbedded = "always".equals(System.getenv("OUTSIDEIN_PG_EMBEDDED"));
    if (!forceEmbedded && Ports.answers(host, port)) {
      PostgresServer local = new PostgresServer(host, port, user, password, null);
      local.execute("SELECT 1", "postgres");
      return local;
    }
    return embedded(embeddedData, keepData);
  }

  /** An embedded server from the PostgreSQL binaries on the classpath. */
  public static PostgresServer embedded(Path embeddedData, boolean keepData) {
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(embeddedData)
              .setCleanDataDirectory(!keepData)
              .start();
      return new PostgresServer("localhost", pg.getPort(), "postgres", "", pg);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
    }
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public String describe() {
    return (isEmbedded() ? "embedded PostgreSQL" : "PostgreSQL") + " on " + host + ":" + port;
  }

  /**
   * Whether the server vacuums on its own. Without it the outbox's sent rows stay in its indexes
   * and statistics go stale until someone runs VACUUM ANALYZE.
   */
  public boolean autovacuums() {
    return query("SHOW autovacuum").map(v -> v.toString().equals("on")).orElse(true);
  }

  public void ensureDatabase(String name) {
    boolean exists =
        query("SELECT 1 FROM pg_database WHERE datname = '" + checked(name) + "'").isPresent();
    if (!exists) {
      execute("CREATE DATABASE " + checked(name), "postgres");
    }
  }

  public void dropDatabase(String name) {
    execute("DROP DATABASE IF EXISTS " + checked(name) + " WITH (FORCE)", "postgres");
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, password);
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Optional<Object> query(String sql) {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      return rs.next() ? Optional.of(rs.getObject(1)) : Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("query failed on " + describe() + ": " + e.getMessage(), e);
    }
  }

  private void execute(String sql, String database) {
    try (Connection c = connect(database);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + describe() + ": " + e.getMessage(), e);
    }
  }

  private static String checked(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    return name;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
