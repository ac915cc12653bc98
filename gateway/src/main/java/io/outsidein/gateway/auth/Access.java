package io.outsidein.gateway.auth;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who calls, from the request's credentials, as plain functions: the JAX-RS {@link AccessFilter}
 * and the forwarding route on the event loop ({@code routes.ForwardingRouter}) both ask here, and
 * {@link Caller#may} says whether the caller may do an operation.
 */
@ApplicationScoped
public class Access {
  public static final String API_KEY_HEADER = "X-API-Key";
  private static final String BEARER = "Bearer ";

  private final ApiKeys keys;
  private final SignIn signIn;

  Access(ApiKeys keys, SignIn signIn) {
    this.keys = keys;
    this.signIn = signIn;
  }

  /** The value after {@code Bearer } of an Authorization header, or null. */
  public static String bearer(String authorization) {
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).strip();
    }
    return null;
  }

  /**
   * A bearer value shaped like a JWT is a person's token when sign-in is on; anything else is an
   * API key.
   */
  public boolean isToken(String bearer) {
    return signIn.enabled() && SignIn.looksLikeToken(bearer);
  }

  /** The holder of the key sent as the bearer value, else in X-API-Key; empty for none known. */
  public Optional<Caller> keyHolder(String bearer, String apiKeyHeader) {
    return keys.find(bearer != null ? bearer : apiKeyHeader).map(Caller::of);
  }

  /** The person a sign-in token names; fails as {@link SignIn#verify} does. */
  public Uni<Caller> person(String token) {
    return signIn.verify(token);
  }
}
