package io.outsidein.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Free ports and waiting for a port to answer. */
public final class Ports {
  private static final int FIRST = 20_000;
  private static final int LAST = 32_000;

  private Ports() {}

  /**
   * A port nothing listens on, below Linux's ephemeral range (32768-60999): a port the system hands
   * out for port 0 may meanwhile become the source port of some outgoing connection, and the
   * service meant to listen on it then fails to bind.
   */
  public static int free() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
      if (bindable(port)) {
        return port;
      }
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  public static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static void awaitOpen(String host, int port, Duration timeout, ManagedProcess process) {
    Instant deadline = Instant.now().plus(timeout);
    while (!answers(host, port)) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(process.name() + " exited; see " + process.log());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "nothing answers on " + host + ":" + port + " after " + timeout);
      }
      sleep(100);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
