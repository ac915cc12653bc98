package io.outsidein.gateway.auth;

import io.outsidein.gateway.config.GatewayConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Oidc;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * People signed in with the company's identity provider: their bearer tokens (JWT) are verified by
 * quarkus-oidc as a service application (the issuer's discovery document and keys, which it keeps;
 * signature, issuer, audience, expiry and not-before), then read for the person's name and roles.
 * Off while no issuer is configured.
 */
@ApplicationScoped
public class SignIn {
  /** Three base64url parts: a JWS compact token (an unsigned one has an empty third part). */
  private static final Pattern JWT =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  /** A user name that can travel in a header and fits the services' actor columns. */
  private static final Pattern HEADER_SAFE = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,99}");

  private static final Logger LOG = Logger.getLogger(SignIn.class);

  private final GatewayConfig.SignIn config;
  private final RoleClaims roleClaims;
  private final TenantIdentityProvider tokens;

  @Inject
  SignIn(GatewayConfig config, TenantIdentityProvider tokens) {
    this.config = config.signIn();
    this.roleClaims = new RoleClaims(this.config.rolesClaim(), this.config.roles());
    this.tokens = tokens;
  }

  /**
   * Sets up quarkus-oidc's default tenant from {@code outsidein.gateway.sign-in}: a service
   * application for the configured issuer, or a disabled tenant when there is none. Only JWTs are
   * accepted, verified with the issuer's keys: no introspection, which would need client secrets.
   */
  void configure(@Observes Oidc oidc, GatewayConfig gateway) {
    GatewayConfig.SignIn signIn = gateway.signIn();
    if (signIn.audience().stream().allMatch(String::isBlank)) {
      // Without an audience quarkus-oidc would accept the issuer's tokens for any application.
      throw new IllegalStateException(
          "outsidein.gateway.sign-in.audience (OUTSIDEIN_GATEWAY_SIGN_IN_AUDIENCE) names no audience");
    }
    OidcTenantConfig tenant =
        signIn
            .issuer()
            .filter(issuer -> !issuer.isBlank())
            .map(
                issuer ->
                    OidcTenantConfig.authServerUrl(issuer.strip())
                        .tenantId(OidcUtils.DEFAULT_TENANT_ID)
                        .applicationType(ApplicationType.SERVICE)
                        .token()
                        .audience(signIn.audience())
                        .allowJwtIntrospection(false)
                        .allowOpaqueTokenIntrospection(false)
                        .end()
                        .build())
            .orElseGet(
                () ->
                    OidcTenantConfig.builder()
                        .tenantId(OidcUtils.DEFAULT_TENANT_ID)
                        .tenantEnabled(false)
                        .build());
    signIn.issuer().ifPresent(issuer -> LOG.infof("people sign in with tokens of %s", issuer));
    oidc.create(tenant);
  }

  /** Whether people may sign in, that is whether an issuer is configured. */
  public boolean enabled() {
    return config.issuer().filter(issuer -> !issuer.isBlank()).isPresent();
  }

  /** Whether a bearer value is shaped like a signed token rather than an API key. */
  public static boolean looksLikeToken(String bearer) {
    return bearer != null && JWT.matcher(bearer).matches();
  }

  /**
   * The person a token names. Fails with {@link Refused} for a token that is not valid or names no
   * role of the gateway, with {@link Unavailable} when the issuer cannot be reached to check it.
   */
  public Uni<Caller> verify(String token) {
    return tokens
        .authenticate(new AccessTokenCredential(token))
        .onFailure()
        .transform(SignIn::classify)
        .map(identity -> person(identity.getPrincipal()));
  }

  private Caller person(Principal principal) {
    if (!(principal instanceof JsonWebToken token)) {
      throw new Refused("sign in again"); // only JWTs are accepted, so never expected
    }
    Set<Role> roles = roleClaims.rolesOf(token::getClaim);
    if (roles.isEmpty()) {
      throw new Refused("it names no role of this API");
    }
    String user =
        Optional.ofNullable(token.<Object>getClaim(config.userClaim()))
            .map(SignIn::text)
            .filter(name -> HEADER_SAFE.matcher(name).matches())
            .or(
                () ->
                    Optional.ofNullable(token.getSubject())
                        .filter(name -> HEADER_SAFE.matcher(name).matches()))
            .orElseThrow(() -> new Refused("it names no user"));
    return new Caller(
        user, roles, "person:" + Optional.ofNullable(token.getSubject()).orElse(user));
  }

  private static String text(Object claim) {
    return claim instanceof JsonString json ? json.getString() : claim.toString();
  }

  private static Throwable classify(Throwable failure) {
    if (failure instanceof AuthenticationFailedException) {
      LOG.debugf("refused a sign-in token: %s", failure.getMessage());
      return new Refused("sign in again");
    }
    LOG.warnf("sign-in tokens cannot be checked: %s", failure.toString());
    return new Unavailable();
  }

  /** A token that does not let anybody in: answered 401. */
  public static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The identity provider could not be reached to check a token: answered 503. */
  public static final class Unavailable extends RuntimeException {
    Unavailable() {
      super("the identity provider cannot be reached", null, false, false);
    }
  }
}
