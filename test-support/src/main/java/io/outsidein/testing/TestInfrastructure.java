package io.outsidein.testing;

import io.outsidein.infra.KafkaBroker;
import io.outsidein.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, started on first use and stopped when
 * the JVM exits. Each test class gets its own fresh database from {@link #freshDatabase()}.
 */
public final class TestInfrastructure {
  private static TestInfrastructure shared;

  private final Path workDir;
  private final PostgresServer postgres;
  private final KafkaBroker broker;

  private TestInfrastructure(Path workDir) {
    this.workDir = workDir;
    this.postgres = PostgresServer.localOrEmbedded(workDir.resolve("postgres"), false);
    this.broker = KafkaBroker.start(workDir.resolve("kafka"), 0, 0, workDir.resolve("kafka.log"));
  }

  public static synchronized TestInfrastructure shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("outside-in-test-");
        shared = new TestInfrastructure(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-infrastructure-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public KafkaBroker broker() {
    return broker;
  }

  /** Creates {@code test_<random>}; drop it with {@link PostgresServer#dropDatabase}. */
  public String freshDatabase() {
    String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    postgres.ensureDatabase(name);
    return name;
  }

  private void close() {
    broker.close();
    postgres.close();
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is not worth failing the run for
    }
  }
}
