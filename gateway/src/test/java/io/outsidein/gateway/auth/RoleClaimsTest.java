package io.outsidein.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleClaimsTest {
  private static final Map<String, List<String>> OWN_NAMES =
      Map.of(
          "agent", List.of("agent"),
          "supervisor", List.of("supervisor", "OutsideIn.Supervisor"),
          "admin", List.of("admin"));

  @Test
  void readsKeycloaksRealmRolesThroughANestedPath() {
    var claims =
        Map.<String, Object>of(
            "realm_access",
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("agent").add("offline_access"))
                .build());

    assertThat(new RoleClaims("realm_access.roles", OWN_NAMES).rolesOf(claims::get))
        .containsExactly(Role.AGENT);
  }

  @Test
  void readsEntraIdsAppRolesWithItsOwnNames() {
    var claims = Map.<String, Object>of("roles", List.of("OutsideIn.Supervisor", "Reader"));

    assertThat(new RoleClaims("roles", OWN_NAMES).rolesOf(claims::get))
        .containsExactly(Role.SUPERVISOR);
  }

  @Test
  void readsAClaimWhoseNameHasDotsAndASingleName() {
    var claims = Map.<String, Object>of("https://example.com/roles", "admin");

    assertThat(new RoleClaims("https://example.com/roles", OWN_NAMES).rolesOf(claims::get))
        .containsExactly(Role.ADMIN);
  }

  @Test
  void findsEveryRoleAPersonHolds() {
    var claims = Map.<String, Object>of("groups", List.of("agent", "supervisor"));

    assertThat(new RoleClaims("groups", OWN_NAMES).rolesOf(claims::get))
        .containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
  }

  @Test
  void findsNoRoleWhenTheClaimIsMissingOrNotNames() {
    RoleClaims roles = new RoleClaims("realm_access.roles", OWN_NAMES);

    assertThat(roles.rolesOf(Map.<String, Object>of()::get)).isEmpty();
    assertThat(roles.rolesOf(Map.<String, Object>of("realm_access", "agent")::get)).isEmpty();
    assertThat(roles.rolesOf(Map.<String, Object>of("realm_access", Map.of("roles", 7))::get))
        .isEmpty();
  }

  @Test
  void refusesToStartWithARoleTheGatewayDoesNotHave() {
    assertThatThrownBy(() -> new RoleClaims("roles", Map.of("superviser", List.of("lead"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("superviser");
  }
}
