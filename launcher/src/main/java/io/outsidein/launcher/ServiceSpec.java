package io.outsidein.launcher;

import java.nio.file.Path;

/** One of the four services: its module folder, its port and, for three of them, its database. */
public record ServiceSpec(String name, int port, String database) {

  public Path jar(Path root) {
    return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }
}
