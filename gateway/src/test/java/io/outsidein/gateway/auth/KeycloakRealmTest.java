package io.outsidein.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak realm in docs/keycloak fits this gateway's defaults: its realm roles are the
 * gateway's roles, and the console's tokens name the audience the gateway expects.
 */
class KeycloakRealmTest {
  private static final Path REALM = Path.of("../docs/keycloak/outside-in-realm.json");

  private final JsonNode realm = read();

  @Test
  void holdsExactlyTheGatewaysFiveRoles() {
    assertThat(names(realm.path("roles").path("realm")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Role.values()).map(Role::configName).toList());
  }

  @Test
  void letsTheConsoleSignPeopleInWithPkceForTheGatewaysAudience() throws IOException {
    JsonNode console = client("outside-in-console");

    assertThat(console.path("publicClient").asBoolean()).isTrue();
    assertThat(console.path("attributes").path("pkce.code.challenge.method").asText())
        .isEqualTo("S256");
    assertThat(console.path("redirectUris").get(0).asText())
        .isEqualTo("http://localhost:8080/console/*");
    assertThat(
            StreamSupport.stream(console.path("protocolMappers").spliterator(), false)
                .map(mapper -> mapper.path("config").path("included.client.audience").asText()))
        .contains(defaultSetting("outsidein.gateway.sign-in.audience"));
    assertThat(client(defaultSetting("outsidein.gateway.sign-in.audience")).isMissingNode())
        .isFalse();
  }

  @Test
  void hasADemoAgentAndADemoSupervisor() {
    assertThat(realm.path("users").findValuesAsText("username"))
        .containsExactlyInAnyOrder("ada.agent", "grace.supervisor");
    assertThat(
            StreamSupport.stream(realm.path("users").spliterator(), false)
                .map(user -> user.path("realmRoles").get(0).asText()))
        .containsExactlyInAnyOrder("agent", "supervisor");
  }

  private JsonNode client(String clientId) {
    return StreamSupport.stream(realm.path("clients").spliterator(), false)
        .filter(client -> clientId.equals(client.path("clientId").asText()))
        .findFirst()
        .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }

  private static List<String> names(JsonNode roles) {
    return StreamSupport.stream(roles.spliterator(), false)
        .map(role -> role.path("name").asText())
        .toList();
  }

  private static String defaultSetting(String key) throws IOException {
    Properties properties = new Properties();
    try (Reader reader =
        Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
      properties.load(reader);
    }
    return properties.getProperty(key);
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(REALM.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + REALM.toAbsolutePath(), e);
    }
  }
}
