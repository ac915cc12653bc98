package io.outsidein.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An OIDC issuer for tests, shaped like a Keycloak realm: a local HTTP server (WireMock) serves its
 * discovery document and its signing keys (JWKS), and it signs tokens for people with those keys. A
 * gateway pointed at {@link #url()} verifies these tokens the way it verifies a real provider's.
 */
public final class StubIssuer implements AutoCloseable {
  /** The audience the gateway expects by default ({@code outsidein.gateway.sign-in.audience}). */
  public static final String AUDIENCE = "outside-in-api";

  private static final String REALM = "/realms/outside-in";
  private static final String KEY_ID = "outside-in-signing-key";

  private final WireMockServer server;
  private final KeyPair keys = rsaKeys();
  private final KeyPair strangerKeys = rsaKeys();

  private StubIssuer(WireMockServer server) {
    this.server = server;
  }

  /** Starts serving on a free port of 127.0.0.1. */
  public static StubIssuer start() {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    StubIssuer issuer = new StubIssuer(server);
    issuer.serve();
    return issuer;
  }

  /** The issuer URL: the value of {@code iss} and where its discovery document is found. */
  public String url() {
    return "http://127.0.0.1:" + server.port() + REALM;
  }

  /**
   * A token for a person, as the issuer signs it: {@code sub} a random id, {@code
   * preferred_username} the user name, {@code realm_access.roles} the roles, valid for five minutes
   * from now. Change any claim before signing it with {@link #sign}.
   */
  public JwtClaimsBuilder person(String userName, String... roles) {
    Instant now = Instant.now();
    return Jwt.claims()
        .issuer(url())
        .audience(AUDIENCE)
        .subject(UUID.randomUUID().toString())
        .preferredUserName(userName)
        .claim("realm_access", Map.of("roles", List.of(roles)))
        .claim("typ", "Bearer")
        .issuedAt(now)
        .expiresAt(now.plus(Duration.ofMinutes(5)));
  }

  /** Signs with the issuer's published key (RS256). */
  public String sign(JwtClaimsBuilder claims) {
    return claims.jws().keyId(KEY_ID).sign(keys.getPrivate());
  }

  /** Signs with a key the issuer never published, under the published key's id. */
  public String signWithStrangerKey(JwtClaimsBuilder claims) {
    return claims.jws().keyId(KEY_ID).sign(strangerKeys.getPrivate());
  }

  /** The same claims with {@code "alg": "none"} and no signature, as an attacker sends them. */
  public String unsigned(JwtClaimsBuilder claims) {
    String[] parts = sign(claims).split("\\.");
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
    return header + "." + parts[1] + ".";
  }

  /** Every request to the issuer now fails with 503, as when the identity provider is down. */
  public void goDown() {
    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
  }

  /** Serves the discovery document and keys again. */
  public void comeBack() {
    server.resetAll();
    serve();
  }

  @Override
  public void close() {
    server.stop();
  }

  private void serve() {
    String url = url();
    server.stubFor(
        get(urlPathEqualTo(REALM + "/.well-known/openid-configuration"))
            .willReturn(
                okJson(
                    """
                    {"issuer": "%1$s",
                     "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                     "token_endpoint": "%1$s/protocol/openid-connect/token",
                     "jwks_uri": "%1$s/protocol/openid-connect/certs",
                     "response_types_supported": ["code"],
                     "subject_types_supported": ["public"],
                     "id_token_signing_alg_values_supported": ["RS256"]}
                    """
                        .formatted(url))));
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    server.stubFor(
        get(urlPathEqualTo(REALM + "/protocol/openid-connect/certs"))
            .willReturn(
                okJson(
                    """
                    {"keys": [{"kid": "%s", "kty": "RSA", "alg": "RS256", "use": "sig",
                               "n": "%s", "e": "%s"}]}
                    """
                        .formatted(
                            KEY_ID,
                            base64Url(key.getModulus()),
                            base64Url(key.getPublicExponent())))));
  }

  /** A JWK number: big-endian, unsigned, base64url without padding. */
  private static String base64Url(BigInteger number) {
    byte[] bytes = number.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }
}
