package io.outsidein.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteOptionsTest {
  @TempDir Path root;

  @Test
  void servicesRunWithTheTunedDefaultsUnlessTheEnvironmentSaysOtherwise() {
    assertThat(SuiteOptions.serviceJvmOptions(null))
        .isEqualTo(SuiteOptions.serviceJvmDefaults(Runtime.version()))
        .contains("-Xmx160m", "-XX:+UseSerialGC");
    assertThat(SuiteOptions.serviceJvmOptions("  "))
        .isEqualTo(SuiteOptions.serviceJvmDefaults(Runtime.version()));
    assertThat(SuiteOptions.serviceJvmOptions(" -Xmx256m  -XX:+UseG1GC "))
        .containsExactly("-Xmx256m", "-XX:+UseG1GC");
  }

  @Test
  void asksForNativeHeapTrimmingOnlyFromAJavaThatHasItAsAProductOption() {
    String trim = "-XX:TrimNativeHeapInterval=10000";
    for (String java : List.of("17.0.11", "17.0.15", "21.0.3", "22.0.1", "25")) {
      assertThat(SuiteOptions.serviceJvmDefaults(Runtime.Version.parse(java)))
          .as(java)
          .contains(trim);
    }
    for (String java : List.of("17", "17.0.8", "17.0.10", "18.0.2", "20.0.2", "21.0.2", "22")) {
      assertThat(SuiteOptions.serviceJvmDefaults(Runtime.Version.parse(java)))
          .as(java)
          .doesNotContain(trim)
          .contains(
              "-Xms64m",
              "-Xmx160m",
              "-Xmn16m",
              "-XX:+UseSerialGC",
              "-XX:Tier3InvocationThreshold=2000");
    }
  }

  @Test
  void aSuiteRefusesToStartWhileAnotherHoldsItsKafkaPort() throws Exception {
    for (String service :
        List.of(Suite.CUSTOMER, Suite.INTERACTION, Suite.INSIGHT, Suite.GATEWAY)) {
      Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
      Files.createDirectories(jar.getParent());
      Files.write(jar, new byte[0]);
    }
    try (ServerSocket otherBroker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int[] ports = Suite.freePorts(5);
      SuiteOptions options =
          new SuiteOptions(
              root,
              root.resolve(".run"),
              false,
              // Should the check ever be skipped, nothing lands in the local run's databases.
              true,
              "launcher_test_",
              ports[0],
              ports[1],
              ports[2],
              ports[3],
              otherBroker.getLocalPort(),
              ports[4],
              SuiteOptions.serviceJvmDefaults(Runtime.version()),
              false,
              Map.of());

      assertThatThrownBy(() -> Suite.start(options, line -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(otherBroker.getLocalPort() + " (Kafka)")
          .hasMessageContaining("another suite");
    }
  }
}
