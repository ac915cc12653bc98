package io.outsidein.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's class-data archive (AppCDS): the JDK and start-up library classes a service loaded,
 * written when it stops and mapped in at its next start instead of being loaded and verified again.
 * A fresh customer-service on an idle machine was ready in 3.5 s without one and 2.5 s with one.
 * Each archive belongs to one build of the service's jar, one JDK and one set of JVM options: a
 * rebuilt jar, another JDK or other options (another collector, say) get a new archive, where the
 * JVM would refuse the old one with a warning and start without it.
 */
final class ClassDataArchive {
  private final Path directory;

  ClassDataArchive(Path directory) {
    this.directory = directory;
  }

  /**
   * The JVM options to add for {@code service} run from {@code jar} with {@code jvmOptions}: map
   * its archive when there is one, otherwise write it when this instance stops (only the first
   * instance, so two never write the same file).
   */
  List<String> options(String service, Path jar, List<String> jvmOptions, boolean firstInstance) {
    try {
      Files.createDirectories(directory);
      String runtime = Runtime.version() + " " + String.join(" ", jvmOptions);
      String key =
          Long.toString(Files.getLastModifiedTime(jar).toMillis(), 36)
              + "-"
              + Integer.toString(runtime.hashCode() & 0x7fffffff, 36);
      Path archive = directory.resolve(service + "-" + key + ".jsa");
      if (Files.isRegularFile(archive)) {
        return List.of("-XX:SharedArchiveFile=" + archive);
      }
      if (!firstInstance) {
        return List.of();
      }
      removeOlderBuilds(service);
      // Writing lists every class it leaves out: keep that out of the service's log.
      return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the class-data archive of " + service, e);
    }
  }

  private void removeOlderBuilds(String service) throws IOException {
    try (Stream<Path> archives = Files.list(directory)) {
      for (Path old :
          archives.filter(p -> p.getFileName().toString().startsWith(service + "-")).toList()) {
        Files.deleteIfExists(old);
      }
    }
  }
}
