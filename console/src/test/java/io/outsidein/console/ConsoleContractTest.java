package io.outsidein.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every call the console makes is an operation of the public document, with its method and path.
 */
class ConsoleContractTest {
  private static final Pattern OPERATION =
      Pattern.compile("^\\s+(\\w+): \\['(GET|POST|PUT|PATCH|DELETE)', '([^']+)'\\],$");

  @Test
  void everyOperationTheConsoleCallsIsInThePublicDocument() throws IOException {
    JsonNode document =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of(System.getProperty("openapi.document")).toFile());
    Map<String, String[]> calls = consoleOperations();

    assertThat(calls)
        .containsKeys(
            "searchCustomers",
            "getCustomerJourney",
            "decideGesture",
            "getExperimentResults",
            "getCalibration");
    calls.forEach(
        (operationId, methodAndPath) -> {
          JsonNode operation =
              document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
          assertThat(operation.isMissingNode())
              .as("%s %s is in the document", methodAndPath[0], methodAndPath[1])
              .isFalse();
          assertThat(operation.path("operationId").asText()).isEqualTo(operationId);
          assertThat(operation.path("x-roles").isArray())
              .as("%s lists the roles the console shows it to", operationId)
              .isTrue();
        });
  }

  @Test
  void theConsoleCallsNothingButThePublicApi() throws IOException {
    // Only api.js calls the API, and signin.js the console's own config and the identity
    // provider's endpoints: every other script, present or added later, calls neither.
    List<String> modules = scripts();
    assertThat(modules).contains("app.js", "frontline.js", "results.js", "calibration.js");
    for (String module : modules) {
      if (module.equals("api.js") || module.equals("signin.js")) {
        continue;
      }
      assertThat(script(module))
          .as(module)
          .doesNotContain("fetch(")
          .doesNotContain("XMLHttpRequest");
    }
  }

  private static Map<String, String[]> consoleOperations() throws IOException {
    Map<String, String[]> calls = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : script("api.js").split("\n")) {
      if (line.startsWith("export const operations")) {
        inTable = true;
      } else if (inTable && line.startsWith("};")) {
        break;
      } else if (inTable) {
        Matcher matcher = OPERATION.matcher(line);
        assertThat(matcher.matches()).as("operation line: %s", line).isTrue();
        calls.put(matcher.group(1), new String[] {matcher.group(2), matcher.group(3)});
      }
    }
    return calls;
  }

  private static List<String> scripts() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(scriptDirectory()))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(n -> n.endsWith(".js"))
          .toList();
    }
  }

  private static URI scriptDirectory() {
    try {
      return ConsoleContractTest.class
          .getResource("/META-INF/resources/console/js/api.js")
          .toURI()
          .resolve(".");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String script(String name) throws IOException {
    try (InputStream in =
        ConsoleContractTest.class.getResourceAsStream("/META-INF/resources/console/js/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
