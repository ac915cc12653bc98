package io.outsidein.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.outsidein.gateway.TestKeys;
import io.outsidein.gateway.fake.Fake;
import io.outsidein.gateway.fake.FakeServices;
import io.outsidein.testing.StubIssuer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * People signed in with the identity provider: tokens the stub issuer signs are verified from its
 * discovery document and keys, the person's user name is the actor the services see, and every kind
 * of bad token is a 401 problem.
 */
@QuarkusTest
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SignInIssuer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SignInTest {
  StubIssuer issuer;

  @Test
  void forwardsThePersonsUserNameAsTheActor() {
    String token = issuer.sign(issuer.person("ada.agent", "agent", "offline_access"));

    register(token)
        .statusCode(201)
        .body("actor", equalTo("ada.agent"))
        .body("authorization", equalTo(null));
  }

  @Test
  void namesThePersonByTheirSubjectWhenTheTokenHasNoUserName() {
    String subject = UUID.randomUUID().toString();
    String token =
        issuer.sign(
            issuer.person("ignored", "agent").remove("preferred_username").subject(subject));

    register(token).statusCode(201).body("actor", equalTo(subject));
  }

  @Test
  void keepsAcceptingApiKeysForSystems() {
    register("Authorization", TestKeys.bearer(Role.INTEGRATION))
        .statusCode(201)
        .body("actor", equalTo("test-integration"));
  }

  @Test
  void takesATokenInTheApiKeyHeaderForAnUnknownKey() {
    String token = issuer.sign(issuer.person("ada.agent", "agent"));

    register(Access.API_KEY_HEADER, token).statusCode(401).header("WWW-Authenticate", "Bearer");
  }

  @Test
  void refusesAPersonWhoseRoleMayNotDoThisWith403() {
    String token = issuer.sign(issuer.person("alan.analyst", "analyst"));

    register(token)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403))
        .body("detail", equalTo("the role analyst may not do this"));
  }

  @Test
  void saysWhenAValidTokenNamesNoRoleOfThisApi() {
    String token = issuer.sign(issuer.person("ada.agent", "offline_access"));

    register(token)
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .body("detail", equalTo("the sign-in token is not valid: it names no role of this API"));
  }

  @Test
  void mapsTheIdentityProvidersRoleNamesToTheGatewaysRoles() {
    String teamLead = issuer.sign(issuer.person("grace.lead", "team-lead"));
    String agent = issuer.sign(issuer.person("ada.agent", "agent"));

    decide(teamLead).statusCode(200).body("actor", equalTo("grace.lead"));
    decide(agent).statusCode(403);
  }

  @Test
  void keepsVerifyingWithTheKeysItHoldsWhileTheIssuerIsDown() {
    String token = issuer.sign(issuer.person("ada.agent", "agent"));
    register(token).statusCode(201);
    issuer.goDown();
    try {
      register(issuer.sign(issuer.person("ada.agent", "agent")))
          .statusCode(201)
          .body("actor", equalTo("ada.agent"));
    } finally {
      issuer.comeBack();
    }
  }

  static Stream<Arguments> badTokens() {
    Instant now = Instant.now();
    Map<String, Function<StubIssuer, String>> tokens =
        Map.of(
            "expired",
            i ->
                i.sign(
                    i.person("ada.agent", "agent")
                        .issuedAt(now.minus(Duration.ofHours(1)))
                        .expiresAt(now.minus(Duration.ofMinutes(10)))),
            "not yet valid",
            i ->
                i.sign(
                    i.person("ada.agent", "agent")
                        .claim("nbf", now.plus(Duration.ofMinutes(10)).getEpochSecond())),
            "signed by another key",
            i -> i.signWithStrangerKey(i.person("ada.agent", "agent")),
            "from another issuer",
            i -> i.sign(i.person("ada.agent", "agent").issuer("https://evil.example.com/realm")),
            "for another audience",
            i -> i.sign(i.person("ada.agent", "agent").audience("another-api")),
            "alg none",
            i -> i.unsigned(i.person("ada.agent", "agent")),
            "garbage shaped like a token",
            i -> "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.bm90LWEtc2lnbmF0dXJl",
            "naming no role of this API",
            i -> i.sign(i.person("ada.agent", "offline_access", "uma_authorization")),
            "with its payload changed after signing",
            i -> {
              String[] parts = i.sign(i.person("ada.agent", "agent")).split("\\.");
              String admin = i.sign(i.person("ada.agent", "admin")).split("\\.")[1];
              return parts[0] + "." + admin + "." + parts[2];
            });
    return tokens.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "a token {0}")
  @MethodSource("badTokens")
  void refusesABadTokenWith401(String kind, Function<StubIssuer, String> token) {
    String signed = token.apply(issuer);

    register(signed)
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .header("X-Request-Id", notNullValue())
        .body("status", equalTo(401))
        .body("detail", startsWith("the sign-in token is not valid"))
        .body(
            allOf(
                not(containsString("Exception")),
                not(containsString("jose4j")),
                not(containsString(issuer.url())),
                not(containsString(signed))));
  }

  private static ValidatableResponse register(String token) {
    return register("Authorization", "Bearer " + token);
  }

  /** Registers a customer, a call every role but the analyst may make, with one credential. */
  static ValidatableResponse register(String header, String credential) {
    return given()
        .header(header, credential)
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\"Ada\"}")
        .when()
        .post("/api/v1/customers")
        .then();
  }

  private ValidatableResponse decide(String token) {
    return given()
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body("{\"outcome\":\"APPROVED\"}")
        .when()
        .post("/api/v1/gestures/{id}/decision", Fake.CUSTOMER)
        .then();
  }
}
