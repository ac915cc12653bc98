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
 * Each archive belongs to one build of the service's jar and one JDK: a rebuilt jar or another JDK
 * gets a new archive (the JVM would refuse the old one and start without it).
 */
final class ClassDataArchive {
  private final Path directory;

  ClassDataArchive(Path directory) {
    this.directory = directory;
  }

  /**
   * The JVM options for {@code service} run from {@code jar}: map its archive when there is one,
   * otherwise write it when this instance stops (only the first instance, so two never write the
   * same file).
   */
  List<String> options(String service, Path jar, boolean firstInstance) {
    try {
      Files.createDirectories(directory);
      String build =
          Long.toString(Files.getLastModifiedTime(jar).toMillis(), 36)
              + "-"
              + Integer.toString(Runtime.version().toString().hashCode() & 0x7fffffff, 36);
      Path archive = directory.resolve(service + "-" + build + ".jsa");
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
