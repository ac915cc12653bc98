package io.outsidein.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.outsidein.gateway.auth.Role;
import io.outsidein.gateway.fake.Fake;
import io.outsidein.gateway.fake.FakeServices;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What crosses the gateway in each direction, and how each internal failure reaches a caller. */
@QuarkusTest
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ForwardingTest {

  @TestHTTPResource("/api/v1/interactions/batch")
  URI batch;

  @Test
  void forwardsTheBodyRequestIdActorAndSafeHeadersButNotTheApiKey() {
    given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .header("X-Request-Id", "req-forward-1")
        .header("Idempotency-Key", "idem-1")
        .header("X-Internal-Secret", "nope")
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\"Ada\"}")
        .when()
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .header("X-Request-Id", "req-forward-1")
        .header("Location", "/api/v1/customers/" + Fake.CUSTOMER)
        .header("ETag", "\"1\"")
        .header("X-Internal-Node", nullValue())
        .body("path", equalTo("/customers"))
        .body("requestId", equalTo("req-forward-1"))
        .body("actor", equalTo("test-agent"))
        .body("idempotencyKey", equalTo("idem-1"))
        .body("authorization", nullValue())
        .body("apiKey", nullValue())
        .body("body", equalTo("{\"displayName\":\"Ada\"}"));
  }

  @Test
  void erasesForACallerThatAcceptsOnlyProblems() {
    given()
        .header("Authorization", TestKeys.bearer(Role.ADMIN))
        .accept("application/problem+json")
        .when()
        .delete("/api/v1/customers/{id}", Fake.CUSTOMER)
        .then()
        .statusCode(204);
    given()
        .header("Authorization", TestKeys.bearer(Role.ADMIN))
        .accept("application/problem+json")
        .when()
        .delete("/api/v1/customers/{id}", Fake.UNKNOWN)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void passesTheQueryStringThroughAsTheCallerEncodedIt() {
    given()
        .header("X-API-Key", TestKeys.of(Role.ANALYST))
        .urlEncodingEnabled(false)
        .when()
        .get("/api/v1/customers?segment=smb&externalRef=crm%3AC-1&limit=5")
        .then()
        .statusCode(200)
        .body("query", equalTo("segment=smb&externalRef=crm%3AC-1&limit=5"))
        .body("actor", equalTo("test-analyst"));
  }

  @Test
  void forwardsAMergePatchWithIfMatch() {
    given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .header("If-Match", "\"2\"")
        .contentType("application/merge-patch+json")
        .body("{\"segment\":\"enterprise\"}")
        .when()
        .patch("/api/v1/customers/{id}", UUID.randomUUID())
        .then()
        .statusCode(200)
        .body("method", equalTo("PATCH"))
        .body("ifMatch", equalTo("\"2\""))
        .body("contentType", containsString("application/merge-patch+json"));
  }

  @Test
  void forwardsAPolicyChangeWithIfMatchAndAnswersWithItsEtag() {
    given()
        .header("Authorization", TestKeys.bearer(Role.ADMIN))
        .header("If-Match", "\"1\"")
        .contentType("application/json")
        .body("{\"currencies\":{}}")
        .when()
        .put("/api/v1/policies/goodwill")
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"2\""))
        .body("method", equalTo("PUT"))
        .body("path", equalTo("/policies/goodwill"))
        .body("ifMatch", equalTo("\"1\""));
  }

  @Test
  void exposesTheInsightRebuildOnlyUnderItsPublicAdminPath() {
    given()
        .header("Authorization", TestKeys.bearer(Role.ADMIN))
        .when()
        .post("/api/v1/admin/insights/rebuilds")
        .then()
        .statusCode(202)
        .header("Location", endsWith("/api/v1/admin/insights/rebuilds/" + Fake.id(42)))
        .body("path", equalTo("/admin/insights/rebuilds"))
        .body("actor", equalTo("test-admin"));
  }

  @Test
  void stripsInternalDetailsFromAServiceProblemAndRewritesItsInstance() {
    String body =
        given()
            .header("Authorization", TestKeys.bearer(Role.AGENT))
            .when()
            .get("/api/v1/customers/{id}", Fake.UNKNOWN)
            .then()
            .statusCode(404)
            .contentType("application/problem+json")
            .body("type", equalTo("https://outside-in.io/problems/not-found"))
            .body("instance", equalTo("/api/v1/customers/" + Fake.UNKNOWN))
            .body("detail", containsString("does not exist"))
            .body("existingId", equalTo("abc"))
            .extract()
            .asString();
    assertThat(body)
        .doesNotContain("127.0.0.1")
        .doesNotContain("10.0.0.7")
        .doesNotContain("stackTrace")
        .doesNotContain("customer-service")
        .doesNotContain("Foo.java");
  }

  @Test
  void answers502WithoutTheStackTraceWhenAServiceFails() {
    given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .when()
        .get("/api/v1/customers/{id}", Fake.FAILING)
        .then()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("status", equalTo(502))
        .body(not(containsString("IllegalStateException")))
        .body(not(containsString("Db.java")));
  }

  @Test
  void answers504WhenAServiceIsTooSlow() {
    given()
        .header("Authorization", TestKeys.bearer(Role.AGENT))
        .when()
        .get("/api/v1/customers/{id}", Fake.SLOW)
        .then()
        .statusCode(504)
        .contentType("application/problem+json")
        .body("status", equalTo(504));
  }

  @Test
  void refusesAMalformedIdWith400NamingTheParameterInsteadOf404() {
    for (String id :
        new String[] {"not-an-id", "1-2-3-4-5", "00000000-0000-4000-8000-00000000000g"}) {
      given()
          .header("Authorization", TestKeys.bearer(Role.AGENT))
          .when()
          .get("/api/v1/customers/{id}", id)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400))
          .body("errors[0].field", equalTo("id"));
    }
  }

  @Test
  void answers503WithRetryAfterWhenAServiceSaysItIsUnavailable() {
    given()
        .header("Authorization", TestKeys.bearer(Role.ANALYST))
        .when()
        .get("/api/v1/customers/{id}/insights", Fake.UNAVAILABLE_INSIGHT)
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "7");
  }

  @Test
  void refusesAnAnnouncedOversizedBodyWith413ProblemBeforeForwarding() {
    given()
        .header("Authorization", TestKeys.bearer(Role.INTEGRATION))
        .contentType(ContentType.JSON)
        .body(new byte[3 * 1024 * 1024])
        .when()
        .post("/api/v1/interactions/batch")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }

  @Test
  void refusesAStreamedOversizedBodyWith413Problem() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(batch)
            .header("Authorization", TestKeys.bearer(Role.INTEGRATION))
            .header("Content-Type", "application/json")
            // No length announced: the body arrives chunked and Vert.x stops it at the limit.
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(new byte[3 * 1024 * 1024])))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":413");
  }

  /** The body as the fake service received it, naming the first byte where it differs. */
  private static org.hamcrest.Matcher<String> forwardedAsSent(String sent) {
    return new org.hamcrest.TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(String received) {
        return received.equals(sent);
      }

      @Override
      public void describeTo(org.hamcrest.Description description) {
        description.appendText("the body as sent, " + sent.length() + " characters");
      }

      @Override
      protected void describeMismatchSafely(String received, org.hamcrest.Description description) {
        int at = 0;
        while (at < Math.min(sent.length(), received.length())
            && sent.charAt(at) == received.charAt(at)) {
          at++;
        }
        description.appendText(
            "differs at "
                + at
                + ": sent ..."
                + sent.substring(Math.max(0, at - 20), Math.min(sent.length(), at + 40))
                + " received ..."
                + received.substring(Math.max(0, at - 20), Math.min(received.length(), at + 40)));
      }
    };
  }

  @Test
  void forwardsALargeBodyWhole() throws Exception {
    String body = "{\"items\":[" + "{\"summary\":\"x\"},".repeat(40_000) + "{}]}";
    given()
        .header("Authorization", TestKeys.bearer(Role.INTEGRATION))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/interactions/batch")
        .then()
        .statusCode(200)
        .body("bodyLength", equalTo(body.length()))
        .body("body", forwardedAsSent(body));
    HttpRequest streamed =
        HttpRequest.newBuilder(batch)
            .version(HttpClient.Version.HTTP_1_1)
            .header("Authorization", TestKeys.bearer(Role.INTEGRATION))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(streamed, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"bodyLength\":" + body.length());
  }

  @Test
  void answersAClientThatOffersHttp2InPlainTextOverHttp11() throws Exception {
    // Java's HttpClient offers "Upgrade: h2c" by default; with a body that once ended in a 500.
    HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpRequest request =
        HttpRequest.newBuilder(batch)
            .header("Authorization", TestKeys.bearer(Role.INTEGRATION))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[]}"))
            .build();
    HttpResponse<String> response = http2.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(response.body()).contains("\"bodyLength\":12");

    HttpRequest empty =
        HttpRequest.newBuilder(batch)
            .header("Authorization", TestKeys.bearer(Role.INTEGRATION))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    assertThat(http2.send(empty, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isLessThan(500);
  }

  @Test
  void answersUnknownRoutesAndWrongMethodsWithProblems() {
    given()
        .header("Authorization", TestKeys.bearer(Role.ADMIN))
        .when()
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .header("Authorization", TestKeys.bearer(Role.ADMIN))
        .when()
        .put("/api/v1/customers")
        .then()
        .statusCode(405)
        .contentType("application/problem+json");
  }

  @Test
  void sendsRateLimitHeadersOnSuccessfulAnswers() {
    given()
        .header("Authorization", TestKeys.bearer(Role.ANALYST))
        .when()
        .get("/api/v1/gestures")
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", notNullValue())
        .header("RateLimit-Remaining", notNullValue())
        .header("RateLimit-Reset", notNullValue());
  }
}
