package io.outsidein.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
  private static final List<String> OPTIONS = List.of("-Xmx160m", "-XX:+UseSerialGC");

  @TempDir Path work;

  @Test
  void writesTheArchiveAtTheFirstStopAndMapsItAfterwards() throws Exception {
    Path jar = jar(Instant.parse("2026-11-23T04:00:00Z"));
    ClassDataArchive archives = new ClassDataArchive(work.resolve("cds"));

    String write = archives.options("customer-service", jar, OPTIONS, true).get(0);
    assertThat(write).startsWith("-XX:ArchiveClassesAtExit=");
    // A second instance of the same service must not write the same file.
    assertThat(archives.options("customer-service", jar, OPTIONS, false)).isEmpty();

    Path archive = writtenAtExit(write);
    assertThat(archives.options("customer-service", jar, OPTIONS, true))
        .containsExactly("-XX:SharedArchiveFile=" + archive);
    assertThat(archives.options("customer-service", jar, OPTIONS, false))
        .containsExactly("-XX:SharedArchiveFile=" + archive);
  }

  @Test
  void aRebuiltJarGetsANewArchiveAndTheOldOneGoes() throws Exception {
    Path jar = jar(Instant.parse("2026-11-23T04:00:00Z"));
    ClassDataArchive archives = new ClassDataArchive(work.resolve("cds"));
    String first = archives.options("gateway", jar, OPTIONS, true).get(0);
    Path old = writtenAtExit(first);
    Path otherService = work.resolve("cds").resolve("gateway2-x.jsa");
    Files.write(otherService, new byte[] {1});

    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-23T05:00:00Z")));
    String rebuilt = archives.options("gateway", jar, OPTIONS, true).get(0);

    assertThat(rebuilt).startsWith("-XX:ArchiveClassesAtExit=").isNotEqualTo(first);
    assertThat(old).doesNotExist();
    assertThat(otherService).exists();
  }

  @Test
  void otherJvmOptionsGetANewArchive() throws Exception {
    Path jar = jar(Instant.parse("2026-11-23T04:00:00Z"));
    ClassDataArchive archives = new ClassDataArchive(work.resolve("cds"));
    String serial = archives.options("insight-service", jar, OPTIONS, true).get(0);
    Path written = writtenAtExit(serial);

    String g1 =
        archives.options("insight-service", jar, List.of("-Xmx160m", "-XX:+UseG1GC"), true).get(0);

    assertThat(g1).startsWith("-XX:ArchiveClassesAtExit=").isNotEqualTo(serial);
    assertThat(written).doesNotExist();
  }

  /** Writes the archive an ArchiveClassesAtExit option names, as the JVM does when it stops. */
  private static Path writtenAtExit(String option) throws Exception {
    return Files.write(Path.of(option.substring(option.indexOf('=') + 1)), new byte[] {1});
  }

  private Path jar(Instant built) throws Exception {
    Path jar = Files.write(work.resolve("quarkus-run.jar"), new byte[] {0});
    Files.setLastModifiedTime(jar, FileTime.from(built));
    return jar;
  }
}
