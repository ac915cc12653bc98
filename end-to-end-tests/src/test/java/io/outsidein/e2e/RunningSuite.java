package io.outsidein.e2e;

import io.outsidein.launcher.Suite;
import io.outsidein.launcher.SuiteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A whole suite for one test class: random ports, fresh databases, every process stopped after. */
public final class RunningSuite {
  private RunningSuite() {}

  public static Suite start() {
    return start(Map.of());
  }

  /** A suite whose services all get {@code environment} on top of their own. */
  public static Suite start(Map<String, String> environment) {
    Path root = Path.of(System.getProperty("outsidein.root", "..")).toAbsolutePath().normalize();
    try {
      Path work = Files.createTempDirectory("outside-in-e2e-");
      int[] ports = Suite.freePorts(6);
      String prefix = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
      SuiteOptions options =
          new SuiteOptions(
              root,
              work,
              false,
              true,
              prefix,
              ports[0],
              ports[1],
              ports[2],
              ports[3],
              ports[4],
              ports[5],
              List.of("-Xmx192m", "-XX:+UseSerialGC"),
              false,
              environment);
      return Suite.start(options, line -> System.out.println("[e2e] " + line));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
