package io.outsidein.gateway.auth;

import jakarta.json.JsonString;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a person's roles from a token: the configured claim (a dotted path into nested objects,
 * such as Keycloak's {@code realm_access.roles}) holds the identity provider's role names, each
 * mapped to the gateway's roles. Names the gateway does not know are ignored.
 */
final class RoleClaims {
  private final String claimPath;
  private final Map<String, Set<Role>> rolesByName = new HashMap<>();

  /**
   * @param claimPath the claim holding the role names
   * @param namesByRole for each role's configuration name ({@code agent}), the identity provider's
   *     names for it
   */
  RoleClaims(String claimPath, Map<String, List<String>> namesByRole) {
    this.claimPath = claimPath.strip();
    namesByRole.forEach(
        (role, names) ->
            names.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .forEach(
                    name ->
                        rolesByName
                            .computeIfAbsent(name, n -> EnumSet.noneOf(Role.class))
                            .add(Role.parse(role))));
  }

  /** The gateway roles named in a token whose top-level claims {@code claim} returns. */
  Set<Role> rolesOf(Function<String, Object> claim) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names(claim)) {
      roles.addAll(rolesByName.getOrDefault(name, Set.of()));
    }
    return roles;
  }

  private List<String> names(Function<String, Object> claim) {
    Object whole = claim.apply(claimPath);
    if (whole != null) {
      return strings(whole); // a claim whose own name has dots, like https://example.com/roles
    }
    String[] segments = claimPath.split("\\.");
    Object value = claim.apply(segments[0]);
    for (int i = 1; i < segments.length && value != null; i++) {
      value = value instanceof Map<?, ?> object ? object.get(segments[i]) : null;
    }
    return value == null ? List.of() : strings(value);
  }

  private static List<String> strings(Object value) {
    if (value instanceof Collection<?> many) {
      return many.stream().flatMap(one -> strings(one).stream()).toList();
    }
    if (value instanceof JsonString json) {
      return List.of(json.getString());
    }
    if (value instanceof String one) {
      return List.of(one);
    }
    return List.of(); // a number or an object is not a role name
  }
}
