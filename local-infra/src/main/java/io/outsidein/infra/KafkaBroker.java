package io.outsidein.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode, in a child JVM on this JVM's classpath (the broker
 * jars come from Maven Central with this module). It can be stopped and started again on the same
 * ports and data, which the fault drills use.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final List<String> JVM_FLAGS =
      List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final Path log;
  private ManagedProcess process;

  private KafkaBroker(Path dataDir, int port, int controllerPort, Path log) {
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
    this.log = log;
  }

  /**
   * Starts a broker on {@code port} with its controller on {@code controllerPort} (0 for free
   * ones), keeping its data under {@code dataDir}.
   */
  public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path log) {
    KafkaBroker broker = launch(dataDir, port, controllerPort, log);
    broker.awaitReady();
    return broker;
  }

  /**
   * Starts a broker like {@link #start} but returns as soon as its process runs, so that the
   * services can boot while it starts; {@link #awaitReady()} waits for it.
   */
  public static KafkaBroker launch(Path dataDir, int port, int controllerPort, Path log) {
    KafkaBroker broker =
        new KafkaBroker(
            dataDir,
            port == 0 ? Ports.free() : port,
            controllerPort == 0 ? Ports.free() : controllerPort,
            log);
    broker.launchProcess();
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  public synchronized void start() {
    launchProcess();
    awaitReady();
  }

  private synchronized void launchProcess() {
    try {
      Path config = writeConfig();
      if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
        format(config);
      }
      process =
          ManagedProcess.start("kafka", java("kafka.Kafka", config.toString()), Map.of(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the broker accepts connections and its cluster answers. */
  public void awaitReady() {
    ManagedProcess running;
    synchronized (this) {
      running = process;
    }
    if (running == null) {
      throw new IllegalStateException("the Kafka broker is not running");
    }
    Ports.awaitOpen("127.0.0.1", port, Duration.ofSeconds(60), running);
    awaitCluster();
  }

  /** Stops the broker gracefully; {@link #start()} brings it back with the same data. */
  public synchronized void stop() {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  /** Kills the broker outright, as a crash would. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void format(Path config) throws IOException {
    String clusterId = Uuid.randomUuid().toString();
    ManagedProcess format =
        ManagedProcess.start(
            "kafka-format",
            java(
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id=" + clusterId,
                "--config=" + config),
            Map.of(),
            log);
    Instant deadline = Instant.now().plusSeconds(60);
    while (format.isAlive() && Instant.now().isBefore(deadline)) {
      Ports.sleep(100);
    }
    format.close();
    if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
      throw new IllegalStateException("formatting Kafka storage failed; see " + log);
    }
  }

  private Path writeConfig() throws IOException {
    Files.createDirectories(dataDir);
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", dataDir.resolve("logs").toString());
    props.put("num.partitions", "6");
    props.put("auto.create.topics.enable", "true");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "6");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    // Insight can be rebuilt from the topics, so the local broker keeps every event.
    props.put("log.retention.ms", "-1");
    Path file = dataDir.resolve("server.properties");
    try (var out = Files.newBufferedWriter(file)) {
      props.store(out, "written by io.outsidein.infra.KafkaBroker");
    }
    return file;
  }

  private List<String> java(String mainClass, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(ManagedProcess.javaExecutable()));
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  private void awaitCluster() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka broker did not become ready; see " + log, e);
    }
  }
}
