package io.outsidein.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Free ports and waiting for a port to answer. */
public final class Ports {
  private Ports() {}

  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
