package io.outsidein.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the suite: where the repository and the run's files are, the ports, and a prefix for
 * the database names (empty for the local run, random for a test run).
 *
 * @param keepData keep the embedded PostgreSQL and Kafka data between runs
 * @param dropDatabasesOnClose drop the three databases when the suite stops (test runs)
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
    String serviceHeap,
    boolean classDataArchives,
    Map<String, String> extraEnv) {

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
        "-Xmx160m",
        true,
        Map.of());
  }
}
