package io.outsidein.launcher;

import io.outsidein.demo.DemoLoader;
import io.outsidein.demo.DemoOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** ./run.sh: starts the suite, prints where it is, and stops everything on Ctrl-C or SIGTERM. */
public final class Main {
  private Main() {}

  private static void loadDemoData(String gateway) {
    DemoOptions defaults = DemoOptions.DEFAULTS;
    DemoOptions options =
        new DemoOptions(
            gateway,
            defaults.apiKey(),
            defaults.customers(),
            defaults.interactions(),
            defaults.seed(),
            defaults.threads(),
            defaults.story());
    System.out.println("[run] loading demo data through the API (--demo)...");
    try {
      DemoLoader.run(options, line -> System.out.println("[demo] " + line));
    } catch (RuntimeException e) {
      System.err.println("[run] demo data could not be loaded: " + e.getMessage());
    }
  }

  public static void main(String[] args) throws InterruptedException {
    boolean demo = false;
    for (String arg : args) {
      if (arg.equals("--demo")) {
        demo = true;
      } else {
        System.err.println("[run] unknown option " + arg + "; the only option is --demo");
        System.exit(2);
      }
    }
    Path root = Path.of(System.getProperty("outsidein.root", ".")).toAbsolutePath().normalize();
    Instant started = Instant.now();
    SuiteOptions options = SuiteOptions.local(root);
    Suite suite;
    try {
      suite = Suite.start(options, line -> System.out.println("[run] " + line));
    } catch (RuntimeException e) {
      System.err.println("[run] could not start the suite: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("[run] stopping the suite...");
                  suite.close();
                  System.out.println("[run] stopped");
                  stopped.countDown();
                },
                "suite-stop"));
    long seconds = Duration.between(started, Instant.now()).toSeconds();
    String gateway = "http://localhost:" + options.gatewayPort();
    System.out.printf(
        """
        [run] Outside-In is ready in %d s.
        [run]   API:         %s/api/v1
        [run]   Swagger UI:  %s/q/swagger-ui
        [run]   OpenAPI:     %s/q/openapi
        [run]   Kafka:       %s
        [run]   Database:    %s
        [run]   Logs:        %s
        [run] Ctrl-C stops everything.
        """,
        seconds,
        gateway,
        gateway,
        gateway,
        suite.broker().bootstrapServers(),
        suite.postgres().describe(),
        suite.logDir());
    if (demo) {
      loadDemoData(gateway);
    }
    stopped.await();
  }
}
