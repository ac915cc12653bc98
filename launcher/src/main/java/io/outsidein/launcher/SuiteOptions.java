package io.outsidein.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How to run the suite: where the repository and the run's files are, the ports, and a prefix for
 * the database names (empty for the local run, random for a test run).
 *
 * @param keepData keep the embedded PostgreSQL and Kafka data between runs
 * @param dropDatabasesOnClose drop the three databases when the suite stops (test runs)
 * @param serviceJvmOptions the JVM options of every service (heap, collector), before its jar
 * @param classDataArchives give each service a class-data archive for a faster start (written when
 *     it first stops, kept under workDir); off for test runs, whose suites start only once
 * @param extraEnv environment added to every service, for example tuned settings
 */
public record SuiteOptions(
    Path root,
    Path workDir,
    boolean keepData,
    boolean dropDatabasesOnClose,
    String databasePrefix,
    int gatewayPort,
    int customerPort,
    int interactionPort,
    int insightPort,
    int kafkaPort,
    int kafkaControllerPort,
    List<String> serviceJvmOptions,
    boolean classDataArchives,
    Map<String, String> extraEnv) {

  /**
   * The services' JVM options for the local run on this Java. The heap starts at 64 MB and grows
   * towards 160 MB only as far as the load needs; the young generation is fixed at 16 MB, since
   * every page of it is touched between two young collections while the old generation is touched
   * only as far as it fills (its size after the benchmark is 35-40 MB); where the JVM can, the C
   * library's freed memory goes back to the system every 10 s. A method is compiled with C1's
   * profiling after 2,000 calls rather than 200: code that runs only while the service boots stays
   * interpreted, which saved 4-8 MB of resident memory in the gateway and 8-20 MB in the services
   * with a database (profiled code and method profiles), while what serves requests still reaches
   * C2 (C1 alone saved as much but doubled the CPU per request; bench/README.md).
   */
  public static List<String> serviceJvmDefaults(Runtime.Version java) {
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Xms64m",
                "-Xmx160m",
                "-Xmn16m",
                "-XX:+UseSerialGC",
                "-XX:Tier3InvocationThreshold=2000",
                "-XX:Tier3MinInvocationThreshold=1000",
                "-XX:Tier3CompileThreshold=20000"));
    if (trimsNativeHeap(java)) {
      options.add("-XX:TrimNativeHeapInterval=10000");
    }
    return List.copyOf(options);
  }

  /**
   * Whether {@code TrimNativeHeapInterval} is a product option of this Java: from 17.0.11, 21.0.3,
   * 22.0.1 and 23 on. An older JVM refuses to start with it (or wants it unlocked as experimental).
   */
  static boolean trimsNativeHeap(Runtime.Version java) {
    return switch (java.feature()) {
      case 17 -> java.update() >= 11;
      case 21 -> java.update() >= 3;
      case 22 -> java.update() >= 1;
      default -> java.feature() > 22;
    };
  }

  /** Environment variable that replaces {@link #serviceJvmDefaults}, options split on spaces. */
  public static final String SERVICE_JVM_ENV = "OUTSIDEIN_SERVICE_JAVA_OPTS";

  /** The local run of ./run.sh: fixed ports, data kept under .run/. */
  public static SuiteOptions local(Path root) {
    return new SuiteOptions(
        root,
        root.resolve(".run"),
        true,
        false,
        "",
        8080,
        8081,
        8082,
        8083,
        9092,
        9093,
        serviceJvmOptions(System.getenv(SERVICE_JVM_ENV)),
        true,
        Map.of());
  }

  /** The options from {@link #SERVICE_JVM_ENV} when set, otherwise the defaults for this Java. */
  static List<String> serviceJvmOptions(String fromEnvironment) {
    if (fromEnvironment == null || fromEnvironment.isBlank()) {
      return serviceJvmDefaults(Runtime.version());
    }
    return Arrays.stream(fromEnvironment.strip().split("\\s+")).toList();
  }
}
