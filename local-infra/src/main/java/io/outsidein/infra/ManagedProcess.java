package io.outsidein.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process that cannot outlive its parent: it runs under a small shell that stops it when
 * the parent's pipe to it closes, which happens even when the parent JVM is killed outright.
 */
public final class ManagedProcess implements AutoCloseable {
  // The child gets /dev/null as stdin; a watcher stops it (TERM) when our stdin reaches EOF.
  private static final String GUARD =
      "exec 3<&0; \"$@\" </dev/null & child=$!;"
          + " trap 'kill $child 2>/dev/null' TERM INT;"
          + " ( cat <&3 >/dev/null; kill $child 2>/dev/null ) & watcher=$!; exec 3<&-;"
          + " wait $child; status=$?; kill $watcher 2>/dev/null; exit $status";

  private final String name;
  private final Process process;
  private final OutputStream lifeline;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.lifeline = process.getOutputStream();
    this.log = log;
  }

  public static ManagedProcess start(
      String name, List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    List<String> guarded = new ArrayList<>(List.of("/bin/sh", "-c", GUARD, name));
    guarded.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(guarded).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return new ManagedProcess(name, builder.start(), log);
  }

  /** The java launcher of this JVM, so children run on the same runtime. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The PID of the real process (not its guarding shell), for drills that kill it hard. */
  public long pid() {
    return process
        .children()
        .filter(p -> p.info().command().map(c -> !c.endsWith("sh")).orElse(false))
        .findFirst()
        .map(ProcessHandle::pid)
        .orElse(process.pid());
  }

  /** Kills the process without a chance to clean up, as a crash or an OOM kill would. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    waitFor(10);
  }

  /** Stops the process gracefully, then forcibly after the grace period. */
  @Override
  public void close() {
    try {
      lifeline.close();
    } catch (IOException ignored) {
      // the pipe is already gone, so the guard has already reacted
    }
    if (!waitFor(20)) {
      kill();
    }
  }

  private boolean waitFor(int seconds) {
    try {
      boolean exited = process.waitFor(seconds, TimeUnit.SECONDS);
      if (exited) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
      }
      return exited;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
