package io.outsidein.launcher;

import io.outsidein.infra.KafkaBroker;
import io.outsidein.infra.ManagedProcess;
import io.outsidein.infra.Ports;
import io.outsidein.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole suite as real processes: PostgreSQL, a Kafka broker and the four services from their
 * packaged jars. Used by ./run.sh and by the end-to-end tests, which also stop and start parts.
 */
public final class Suite implements AutoCloseable {
  public static final String CUSTOMER = "customer-service";
  public static final String INTERACTION = "interaction-service";
  public static final String INSIGHT = "insight-service";
  public static final String GATEWAY = "gateway";

  private final SuiteOptions options;
  private final Consumer<String> progress;
  private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
  private final Map<String, ManagedProcess> running = new HashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private PostgresServer postgres;
  private KafkaBroker broker;

  private Suite(SuiteOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
    String prefix = options.databasePrefix();
    specs.put(CUSTOMER, new ServiceSpec(CUSTOMER, options.customerPort(), prefix + "customers"));
    specs.put(
        INTERACTION,
        new ServiceSpec(INTERACTION, options.interactionPort(), prefix + "interactions"));
    specs.put(INSIGHT, new ServiceSpec(INSIGHT, options.insightPort(), prefix + "insights"));
    specs.put(GATEWAY, new ServiceSpec(GATEWAY, options.gatewayPort(), null));
  }

  /** Starts everything and waits until every service is ready; stops what started on failure. */
  public static Suite start(SuiteOptions options, Consumer<String> progress) {
    Suite suite = new Suite(options, progress);
    try {
      suite.startAll();
      return suite;
    } catch (RuntimeException e) {
      suite.close();
      throw e;
    }
  }

  private void startAll() {
    for (ServiceSpec spec : specs.values()) {
      if (!Files.exists(spec.jar(options.root()))) {
        throw new IllegalStateException(
            spec.jar(options.root()) + " is missing: build first (./mvnw package -DskipTests)");
      }
    }
    progress.accept("PostgreSQL: looking for a server on localhost:5432");
    postgres =
        PostgresServer.localOrEmbedded(options.workDir().resolve("postgres"), options.keepData());
    progress.accept("PostgreSQL: using the " + postgres.describe());
    for (ServiceSpec spec : specs.values()) {
      if (spec.database() != null) {
        postgres.ensureDatabase(spec.database());
      }
    }
    progress.accept("Kafka: starting a broker on 127.0.0.1:" + options.kafkaPort());
    broker = startBroker();
    progress.accept("Kafka: ready at " + broker.bootstrapServers());
    for (ServiceSpec spec : specs.values()) {
      startService(spec.name());
    }
    awaitReady(Duration.ofSeconds(180));
  }

  private KafkaBroker startBroker() {
    try {
      java.nio.file.Path kafkaData = options.workDir().resolve("kafka");
      if (!options.keepData() && Files.exists(kafkaData)) {
        deleteTree(kafkaData);
      }
      return KafkaBroker.start(
          kafkaData, options.kafkaPort(), options.kafkaControllerPort(), logOf("kafka"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts one service process (again, in a drill) without waiting for it. */
  public synchronized void startService(String name) {
    ServiceSpec spec = specs.get(name);
    List<String> command = new ArrayList<>();
    command.add(ManagedProcess.javaExecutable());
    command.add(options.serviceHeap());
    command.add("-XX:+UseSerialGC");
    command.add("-jar");
    command.add(spec.jar(options.root()).toString());
    try {
      running.put(name, ManagedProcess.start(name, command, environment(spec), logOf(name)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** Stops one service gracefully, as an operator would. */
  public synchronized void stopService(String name) {
    ManagedProcess process = running.remove(name);
    if (process != null) {
      process.close();
    }
  }

  /** Kills one service outright, as a crash would. */
  public synchronized void killService(String name) {
    ManagedProcess process = running.remove(name);
    if (process != null) {
      process.kill();
    }
  }

  /** Waits until every running service answers ready, showing progress. */
  public void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    List<String> pending = new ArrayList<>(running.keySet());
    pending.sort(null);
    while (!pending.isEmpty()) {
      for (var it = pending.iterator(); it.hasNext(); ) {
        String name = it.next();
        ManagedProcess process = running.get(name);
        if (process != null && !process.isAlive()) {
          throw new IllegalStateException(name + " exited during start-up; see " + process.log());
        }
        if (isReady(name)) {
          progress.accept(name + ": ready on " + specs.get(name).url());
          it.remove();
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "not ready after " + timeout + ": " + pending + "; logs in " + logDir());
      }
      sleep(250);
    }
  }

  public boolean isReady(String name) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(specs.get(name).url() + "/q/health/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Map<String, String> environment(ServiceSpec spec) {
    Map<String, String> env = new HashMap<>();
    // The local profile carries the documented demo API keys and generous rate limits.
    env.put("QUARKUS_PROFILE", "local");
    env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    if (spec.database() != null) {
      env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(spec.database()));
      env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
      env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    }
    env.put("OUTSIDEIN_SERVICES_CUSTOMER_URL", specs.get(CUSTOMER).url());
    env.put("OUTSIDEIN_SERVICES_INTERACTION_URL", specs.get(INTERACTION).url());
    env.put("OUTSIDEIN_SERVICES_INSIGHT_URL", specs.get(INSIGHT).url());
    env.put("QUARKUS_REST_CLIENT_CUSTOMER_SERVICE_URL", specs.get(CUSTOMER).url());
    env.putAll(options.extraEnv());
    return env;
  }

  public String gatewayUrl() {
    return specs.get(GATEWAY).url();
  }

  public String serviceUrl(String name) {
    return specs.get(name).url();
  }

  public String database(String name) {
    return specs.get(name).database();
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public KafkaBroker broker() {
    return broker;
  }

  public java.nio.file.Path logDir() {
    return options.workDir().resolve("logs");
  }

  private java.nio.file.Path logOf(String name) {
    return logDir().resolve(name + ".log");
  }

  /** Stops the services (gateway first), the broker and, if embedded, PostgreSQL. */
  @Override
  public synchronized void close() {
    List<String> order = new ArrayList<>(List.of(GATEWAY, INSIGHT, INTERACTION, CUSTOMER));
    order.retainAll(running.keySet());
    for (String name : order) {
      stopService(name);
    }
    if (broker != null) {
      broker.close();
    }
    if (postgres != null) {
      if (options.dropDatabasesOnClose()) {
        specs.values().stream()
            .filter(s -> s.database() != null)
            .forEach(s -> postgres.dropDatabase(s.database()));
      }
      postgres.close();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteTree(java.nio.file.Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A free port for each of the suite's listeners, for test runs. */
  public static int[] freePorts(int count) {
    int[] ports = new int[count];
    for (int i = 0; i < count; i++) {
      ports[i] = Ports.free();
    }
    return ports;
  }
}
