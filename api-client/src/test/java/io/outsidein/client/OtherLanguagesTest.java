package io.outsidein.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The document generates a TypeScript client (typescript-fetch) with no warning about the document:
 * the Java client is built from it by the module itself, this proves a second language.
 */
class OtherLanguagesTest {
  /**
   * Warnings the generator gives about itself, not about the document, matched by their text.
   * ModelUtils.getSimpleRef is called once on a schema that has no $ref at all ("null"): the line
   * names no place in the document, the generated models are complete (the Java client built from
   * the same document compiles and walks the whole API in GeneratedClientWalkIT), and other
   * projects filter the same line.
   */
  private static final List<String> GENERATOR_LIMITS =
      List.of("ModelUtils -  ONCE Failed to get the schema name: null");

  private final Path document = Path.of(System.getProperty("openapi.document"));
  private final Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));

  @Test
  void parsesWithoutAMessage() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    var result = new OpenAPIParser().readLocation(document.toUri().toString(), null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(20);
  }

  @Test
  void generatesATypeScriptClientWithNoWarningAboutTheDocument() throws IOException {
    Path output = Path.of("target", "typescript-fetch");
    CodegenConfigurator configurator =
        new CodegenConfigurator()
            .setInputSpec(document.toString())
            .setGeneratorName("typescript-fetch")
            .setOutputDir(output.toString())
            .setValidateSpec(true)
            .setModelNameMappings(Map.of("Case", "CustomerCase"))
            .addAdditionalProperty("supportsES6", true);
    long logBefore = Files.exists(log) ? Files.size(log) : 0;

    List<File> files = new DefaultGenerator().opts(configurator.toClientOptInput()).generate();

    assertThat(files).isNotEmpty();
    assertThat(output.resolve("apis/CustomersApi.ts")).exists();
    assertThat(output.resolve("models/CustomerCase.ts")).exists();
    String written = Files.readString(log);
    List<String> warnings =
        written
            .substring((int) Math.min(logBefore, written.length()))
            .lines()
            .filter(line -> line.contains("WARN") || line.contains("ERROR"))
            .filter(line -> GENERATOR_LIMITS.stream().noneMatch(line::contains))
            .toList();
    assertThat(warnings).isEmpty();
  }
}
