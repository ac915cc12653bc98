package io.outsidein.gateway.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** How people sign in to the console the gateway serves at {@code /console}. */
@ConfigMapping(prefix = "outsidein.console")
public interface ConsoleConfig {

  /**
   * {@code outsidein.console.demo-people}: comma-separated {@code name:role:key} entries offered on
   * the sign-in page, each a documented demo key. Only the local run lists any: a key listed here
   * is shown to whoever opens the console.
   */
  Optional<List<String>> demoPeople();

  Oidc oidc();

  /** The identity provider the console signs people in with (authorization code with PKCE). */
  interface Oidc {
    /** {@code outsidein.console.oidc.issuer}: none by default, so no company sign-in is offered. */
    Optional<String> issuer();

    /** {@code outsidein.console.oidc.client-id}: the public client registered for the console. */
    @WithDefault("outside-in-console")
    String clientId();

    @WithDefault("openid profile")
    String scope();

    /**
     * {@code outsidein.console.oidc.roles-claim}: where the token lists roles, as a dotted path.
     */
    @WithDefault("realm_access.roles")
    String rolesClaim();
  }
}
