package io.outsidein.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Time to ready and memory of each service: a fresh instance is started beside the running one,
 * with the same environment (read from /proc) on a free port, timed until ready, measured, and
 * stopped. Linux only, like the machines this runs on.
 */
final class Footprint {
  private static final List<String> SERVICES =
      List.of("customer-service", "interaction-service", "insight-service", "gateway");

  private Footprint() {}

  static List<Row> measure(Api api) {
    List<Row> rows = new ArrayList<>();
    for (String service : SERVICES) {
      Optional<ProcessHandle> running = find(service);
      if (running.isEmpty()) {
        rows.add(
            new Row(service + ": ready time, RSS", "not running here", "<= 3 s, <= 250 MB", null));
        continue;
      }
      rows.add(measureFresh(api, service, running.get()));
    }
    return rows;
  }

  private static Row measureFresh(Api api, String service, ProcessHandle running) {
    long runningRss = rssKb(running.pid());
    int port = freePort();
    try {
      // The running instance's own JVM options and jar, so it starts as the suite starts it; an
      // archive it is to write when it stops is left to it.
      List<String> command = new ArrayList<>();
      command.add(running.info().command().orElse("java"));
      Stream.of(running.info().arguments().orElseThrow())
          .filter(arg -> !arg.startsWith("-XX:ArchiveClassesAtExit"))
          .forEach(command::add);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().putAll(environment(running.pid()));
      builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
      long start = System.nanoTime();
      Process fresh = builder.start();
      try {
        URI base = URI.create("http://127.0.0.1:" + port);
        while (System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
          if (!fresh.isAlive()) {
            throw new IllegalStateException("the fresh instance exited with " + fresh.exitValue());
          }
          try {
            if (api.client
                    .send(
                        Api.direct(base, "/q/health/ready").toJdk(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200) {
              break;
            }
          } catch (IOException notYet) {
            // not listening yet
          }
          Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long freshRss = rssKb(fresh.pid());
        boolean met = seconds <= 3 && runningRss <= 250 * 1024;
        return new Row(
            service + ": time to ready, RSS",
            String.format(
                "ready in %.1f s; RSS %d MB after the run (fresh instance %d MB)",
                seconds, runningRss / 1024, freshRss / 1024),
            "<= 3 s, <= 250 MB",
            met);
      } finally {
        fresh.destroy();
        fresh.waitFor();
      }
    } catch (IOException | RuntimeException e) {
      return new Row(
          service + ": time to ready, RSS",
          "could not measure: " + e.getMessage(),
          "<= 3 s, <= 250 MB",
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Row(service, "interrupted", "", null);
    }
  }

  /** The JVM of a service the suite runs on this machine. */
  static Optional<ProcessHandle> find(String service) {
    String jar = service + "/target/quarkus-app/quarkus-run.jar";
    // The JVM itself, not the launcher's shell guard around it, whose arguments end the same way.
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(a -> a.length > 0 && a[a.length - 1].endsWith(jar))
                    .orElse(false))
        .findFirst();
  }

  private static Map<String, String> environment(long pid) throws IOException {
    byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
    Map<String, String> env = new java.util.HashMap<>();
    Stream.of(new String(raw, StandardCharsets.UTF_8).split("\0"))
        .filter(kv -> kv.contains("="))
        .forEach(
            kv -> env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1)));
    return env;
  }

  private static long rssKb(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(-1L);
    } catch (IOException e) {
      return -1;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
