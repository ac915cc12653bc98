package io.outsidein.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the gateway itself decides: who may call, how often, how much, and how long it waits. */
@ConfigMapping(prefix = "outsidein.gateway")
public interface GatewayConfig {

  Auth auth();

  SignIn signIn();

  RateLimit rateLimit();

  Http http();

  /**
   * {@code outsidein.gateway.public-url}: where callers reach this API in production, for example
   * {@code https://api.example.com}; the published document lists it after the gateway's own
   * relative server.
   */
  Optional<String> publicUrl();

  /**
   * What the HTTP layer accepts before a request reaches a route (the README lists each answer).
   */
  interface Http {
    /** {@code outsidein.gateway.http.max-body-size}: larger request bodies are refused with 413. */
    @WithDefault("2M")
    MemorySize maxBodySize();

    /**
     * {@code outsidein.gateway.http.max-url-length}: a longer request target (path and query) is
     * refused with 414; it must stay below {@code quarkus.http.limits.max-initial-line-length}.
     */
    @WithDefault("4096")
    int maxUrlLength();

    /**
     * {@code outsidein.gateway.http.max-header-size}: larger headers (all of them together) are
     * refused with 431; it must stay below {@code quarkus.http.limits.max-header-size}.
     */
    @WithDefault("20K")
    MemorySize maxHeaderSize();

    /**
     * {@code outsidein.gateway.http.body-timeout}: a body not fully received this long after its
     * headers is answered 408 and the connection closed.
     */
    @WithDefault("10s")
    Duration bodyTimeout();
  }

  interface Auth {
    /**
     * {@code outsidein.gateway.auth.keys}: comma-separated {@code client:role:sha256-hex} entries,
     * for example {@code crm:integration:9f86d0...}; the key itself is never configured.
     */
    Optional<List<String>> keys();

    /** {@code outsidein.gateway.auth.allow-demo-keys}: only the local and test profiles say yes. */
    @WithDefault("false")
    boolean allowDemoKeys();
  }

  /**
   * People signing in with the company's identity provider (OIDC bearer tokens), beside the API
   * keys. Off while no issuer is configured.
   */
  interface SignIn {
    /**
     * {@code outsidein.gateway.sign-in.issuer}: the OIDC issuer URL, for example {@code
     * https://sso.example.com/realms/outside-in}; its discovery document names the keys. None by
     * default: the gateway then accepts API keys only.
     */
    Optional<String> issuer();

    /**
     * {@code outsidein.gateway.sign-in.audience}: a token must name one of these in {@code aud}
     * (Entra ID: {@code api://<application id>}).
     */
    @WithDefault("outside-in-api")
    List<String> audience();

    /**
     * {@code outsidein.gateway.sign-in.roles-claim}: the claim holding the person's roles; a dotted
     * path reaches into objects ({@code realm_access.roles} for Keycloak, {@code roles} for Entra
     * ID, {@code groups} for many others). A claim whose own name has dots is found first.
     */
    @WithDefault("realm_access.roles")
    String rolesClaim();

    /**
     * {@code outsidein.gateway.sign-in.roles.<role>}: the identity provider's names for each of the
     * gateway's roles (comma-separated); each role's own name by default.
     */
    Map<String, List<String>> roles();

    /**
     * {@code outsidein.gateway.sign-in.user-claim}: the claim naming the person, sent to the
     * services as the actor; {@code sub} when a token lacks it.
     */
    @WithDefault("preferred_username")
    String userClaim();
  }

  interface RateLimit {
    /**
     * {@code outsidein.gateway.rate-limit.requests-per-minute.<role>}: the bucket size and refill
     * per minute of each key with that role.
     */
    Map<String, Integer> requestsPerMinute();

    /** {@code outsidein.gateway.rate-limit.default-requests-per-minute}: a role not listed. */
    @WithDefault("120")
    int defaultRequestsPerMinute();
  }
}
