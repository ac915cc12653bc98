package io.outsidein.gateway.auth;

import java.util.Set;

/**
 * Who calls: a system by its API key, or a person signed in with the company's identity provider.
 *
 * @param actor the name sent to the services as X-Actor: the key's client name or the person's user
 *     name
 * @param roles what the caller may do; a key has one role, a person the roles their token names
 * @param rateLimitKey the caller's own token bucket: the key's hash, or the person's subject
 */
public record Caller(String actor, Set<Role> roles, String rateLimitKey) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  static Caller of(Client client) {
    return new Caller(client.name(), Set.of(client.role()), client.keyHash());
  }

  /** Whether any of the caller's roles has this permission. */
  public boolean may(Permission permission) {
    return roles.stream().anyMatch(permission::grantedTo);
  }
}
