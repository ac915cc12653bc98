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
    refuseTakenPorts();
    progress.accept("PostgreSQL: looking for a server on localhost:5432");
    postgres =
        PostgresServer.localOrEmbedded(options.workDir().resolve("postgres"), options.keepData());
    progress.accept("PostgreSQL: using the " + postgres.describe());
    if (!postgres.autovacuums()) {
      progress.accept(
          "PostgreSQL: autovacuum is off on this server: dead rows and stale statistics build up"
              + " until VACUUM ANALYZE is run on the suite's databases (do so before a benchmark)");
    }
    for (ServiceSpec spec : specs.values()) {
      if (spec.database() != null) {
        postgres.ensureDatabase(spec.database());
      }
    }
    progress.accept("Kafka: starting a broker on 127.0.0.1:" + options.kafkaPort());
    broker = launchBroker();
    // The services boot (JVM, Flyway, Hibernate) while the broker starts: their Kafka clients
    // connect once it listens, and their readiness waits for it.
    for (ServiceSpec spec : specs.values()) {
      startService(spec.name());
    }
    broker.awaitReady();
    progress.accept("Kafka: ready at " + broker.bootstrapServers());
    awaitReady(Duration.ofSeconds(180));
  }

  /**
   * A port already answering means another suite (or one still stopping) holds it: the broker or a
   * service started now would fail to bind while the old one answered its readiness checks.
   */
  private void refuseTakenPorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("Kafka", options.kafkaPort());
    ports.put("the Kafka controller", options.kafkaControllerPort());
    specs.values().forEach(spec -> ports.put(spec.name(), spec.port()));
    List<String> taken =
        ports.entrySet().stream()
            .filter(port -> Ports.answers("127.0.0.1", port.getValue()))
            .map(port -> port.getValue() + " (" + port.getKey() + ")")
            .toList();
    if (!taken.isEmpty()) {
      throw new IllegalStateException(
          "already in use: "
              + String.join(", ", taken)
              + ". Is another suite running, or still stopping? Stop it first");
    }
  }

  private KafkaBroker launchBroker() {
    try {
      java.nio.file.Path kafkaData = options.workDir().resolve("kafka");
      if (!options.keepData() && Files.exists(kafkaData)) {
        deleteTree(kafkaData);
      }
      return KafkaBroker.launch(
          kafkaData, options.kafkaPort(), options.kafkaControllerPort(), logOf("kafka"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts one service process (again, in a drill) without waiting for it. */
  public synchronized void startService(String name) {
    startService(name, Map.of());
  }

  /**
   * Starts one service with extra environment, for example a database URL through a proxy that a
   * drill can cut.
   */
  public synchronized void startService(String name, Map<String, String> extraEnv) {
    ServiceSpec spec = specs.get(name);
    Map<String, String> env = environment(spec);
    env.putAll(extraEnv);
    launch(name, spec.jar(options.root()), env);
  }

  /**
   * Starts one more instance of a service on a free port (same database, same consumer group), as
   * scaling out would, and returns its name for stopService.
   */
  public synchronized String addInstance(String name) {
    ServiceSpec base = specs.get(name);
    String instance =
        name + "#" + (specs.keySet().stream().filter(k -> k.startsWith(name + "#")).count() + 2);
    ServiceSpec spec = new ServiceSpec(instance, Ports.free(), base.database());
    specs.put(instance, spec);
    launch(instance, base.jar(options.root()), environment(spec));
    return instance;
  }

  private void launch(String name, java.nio.file.Path jar, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(ManagedProcess.javaExecutable());
    command.addAll(options.serviceJvmOptions());
    if (options.classDataArchives()) {
      String service = name.replaceFirst("#.*", "");
      command.addAll(
          new ClassDataArchive(options.workDir().resolve("cds"))
              .options(service, jar, options.serviceJvmOptions(), !name.contains("#")));
    }
    command.add("-jar");
    command.add(jar.toString());
    try {
      running.put(name, ManagedProcess.start(name, command, env, logOf(name.replace('#', '-'))));
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
    // glibc gives each busy thread its own 64 MB malloc arena; two are plenty for a JVM.
    env.put("MALLOC_ARENA_MAX", "2");
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
    // The gateway first so no new work arrives, then the services that consume, then producers.
    List<String> order = new ArrayList<>(running.keySet());
    List<String> rank = List.of(GATEWAY, INSIGHT, INTERACTION, CUSTOMER);
    order.sort(java.util.Comparator.comparingInt(n -> rank.indexOf(n.replaceFirst("#.*", ""))));
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
    if (!options.keepData()) {
      // A test run's broker and database files go; its logs stay for diagnosis.
      for (String data : List.of("kafka", "postgres")) {
        try {
          if (Files.exists(options.workDir().resolve(data))) {
            deleteTree(options.workDir().resolve(data));
          }
        } catch (IOException e) {
          progress.accept("could not delete " + data + " data: " + e.getMessage());
        }
      }
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
