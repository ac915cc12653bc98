package io.outsidein.gateway.http;

import static io.outsidein.testing.RawHttp.exchange;
import static io.outsidein.testing.RawHttp.head;
import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.gateway.TestKeys;
import io.outsidein.gateway.auth.Role;
import io.outsidein.testing.RawHttp.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests that no well-behaved client sends, written as raw bytes: each is answered at once (or,
 * for a stalled body, after {@code outsidein.gateway.http.body-timeout}) with a problem.
 */
@QuarkusTest
class RefusedRequestsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  /** {@code %test.outsidein.gateway.http.body-timeout}. */
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(1);

  private static final String HOST = "Host: localhost";
  private static final String AGENT = "Authorization: " + TestKeys.bearer(Role.AGENT);
  private static final String JSON = "Content-Type: application/json";

  @Test
  void answersAnEmptyChunkedBodyWith400() {
    Answer answer =
        send(
            head("POST /api/v1/customers HTTP/1.1", HOST, AGENT, JSON, "Transfer-Encoding: chunked")
                + "0\r\n\r\n");

    // A 400, not the 408 the body timeout would give: the empty body was seen at once (no clock
    // compared, which a busy machine could stretch).
    assertProblem(answer, 400);
    assertThat(answer.body()).contains("request body");
  }

  @Test
  void answersAnAnnouncedOversizedBodyWith413BeforeItIsSent() {
    Answer answer =
        send(
            head(
                    "POST /api/v1/interactions/batch HTTP/1.1",
                    HOST,
                    "Authorization: " + TestKeys.bearer(Role.INTEGRATION),
                    JSON,
                    "Content-Length: 3000000")
                + "{\"items\":[");

    // A 413, not the 408 waiting for the rest of the body would give: refused on its announcement.
    assertProblem(answer, 413);
    assertThat(answer.header("Connection")).hasValue("close");
  }

  @Test
  void answersAnEmptyBodyOfLengthZeroWith400() {
    Answer answer =
        send(head("POST /api/v1/cases HTTP/1.1", HOST, AGENT, JSON, "Content-Length: 0"));

    assertProblem(answer, 400);
  }

  @Test
  void answersAPostWithoutAnyBodyWith400() {
    Answer answer =
        send(head("PATCH /api/v1/customers/" + UUID.randomUUID() + " HTTP/1.1", HOST, AGENT, JSON));

    assertProblem(answer, 400);
  }

  @Test
  void forwardsAnEmptyChunkedBodyOnAnOperationThatTakesNone() {
    Answer answer =
        send(
            head(
                    "GET /api/v1/customers/" + UUID.randomUUID() + " HTTP/1.1",
                    HOST,
                    AGENT,
                    "Transfer-Encoding: chunked")
                + "0\r\n\r\n");

    // The services are down in the test profile: the request went through to the forwarder.
    assertProblem(answer, 503);
  }

  @Test
  void answersABodyThatStopsHalfWayWith408() {
    Answer answer =
        send(
            head("POST /api/v1/customers HTTP/1.1", HOST, AGENT, JSON, "Content-Length: 100")
                + "{\"displayName\":");

    assertProblem(answer, 408);
    assertThat(answer.header("Connection")).hasValue("close");
    assertThat(answer.elapsed()).isGreaterThanOrEqualTo(BODY_TIMEOUT);
  }

  @Test
  void answersAChunkedBodyThatStopsHalfWayWith408() {
    Answer answer =
        send(
            head("POST /api/v1/customers HTTP/1.1", HOST, AGENT, JSON, "Transfer-Encoding: chunked")
                + "20\r\n{\"displayName\":");

    assertProblem(answer, 408);
  }

  @Test
  void answersAFormBodyWith415() {
    Answer answer =
        send(
            head(
                    "POST /api/v1/customers HTTP/1.1",
                    HOST,
                    AGENT,
                    "Content-Type: application/x-www-form-urlencoded",
                    "Content-Length: 5")
                + "a=%zz");

    assertProblem(answer, 415);
  }

  @Test
  void answersAMultipartBodyThatCannotBeDecodedWith400() {
    String body = "--x\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--y--\r\n";
    Answer answer =
        send(
            head(
                    "POST /api/v1/customers HTTP/1.1",
                    HOST,
                    AGENT,
                    "Content-Type: multipart/form-data; boundary=x",
                    "Content-Length: " + body.length())
                + body);

    assertProblem(answer, 400);
    assertThat(answer.body()).contains("unreadable-body");
  }

  @Test
  void answersAnHttp10RequestWithoutHostWith400() {
    Answer answer = send(head("GET /api/v1/customers HTTP/1.0", AGENT));

    assertProblem(answer, 400);
  }

  @Test
  void answersAnHttp11RequestWithoutHostWith400() {
    Answer answer = send(head("GET /api/v1/customers HTTP/1.1", AGENT));

    assertProblem(answer, 400);
  }

  @Test
  void answersAnInvalidHostWith400() {
    Answer answer = send(head("GET /api/v1/customers HTTP/1.1", "Host: bad host", AGENT));

    assertProblem(answer, 400);
  }

  @Test
  void answersATargetThatIsNotAPathWith404() {
    Answer answer = send(head("OPTIONS * HTTP/1.1", HOST, AGENT));

    assertProblem(answer, 404);
    assertThat(answer.body()).contains("must be a path");
  }

  @Test
  void echoesTheCallersRequestIdOnAnEarlyProblem() {
    Answer answer =
        send(
            head("GET /api/v1/customers?cursor=%%% HTTP/1.1", HOST, AGENT, "X-Request-Id: mine-1"));

    assertThat(answer.header("X-Request-Id")).hasValue("mine-1");
  }

  @Test
  void answersInvalidPercentEncodingWith400() {
    Answer answer = send(head("GET /api/v1/customers?cursor=%%% HTTP/1.1", HOST, AGENT));

    assertProblem(answer, 400);
  }

  @Test
  void answersInvalidPercentEncodingInThePathWith400() {
    Answer answer = send(head("GET /api/v1/customers/%zz HTTP/1.1", HOST, AGENT));

    assertProblem(answer, 400);
  }

  @Test
  void answersRawNonAsciiBytesInThePathWith400() {
    byte[] request =
        head("GET /api/v1/customers/café HTTP/1.1", HOST, AGENT).getBytes(StandardCharsets.UTF_8);

    assertProblem(send(request), 400);
  }

  @Test
  void answersAnOverLongUrlWith414() {
    Answer answer =
        send(head("GET /api/v1/customers?q=" + "a".repeat(5000) + " HTTP/1.1", HOST, AGENT));

    assertProblem(answer, 414);
  }

  @Test
  void answersOverLongHeadersWith431() {
    Answer answer =
        send(
            head(
                "GET /api/v1/customers HTTP/1.1", HOST, AGENT, "X-Padding: " + "a".repeat(25_000)));

    assertProblem(answer, 431);
  }

  @Test
  void leavesAUrlBeyondNettysOwnLimitToABare414() {
    // quarkus.http.limits.max-initial-line-length (64K): Vert.x answers before any route runs.
    Answer answer =
        send(head("GET /api/v1/customers?q=" + "a".repeat(70_000) + " HTTP/1.1", HOST, AGENT));

    assertThat(answer.status()).isEqualTo(414);
    assertThat(answer.header("Content-Type")).isEmpty();
  }

  @Test
  void leavesHeadersBeyondNettysOwnLimitToABare431() {
    // quarkus.http.limits.max-header-size (64K): Vert.x answers before any route runs.
    Answer answer =
        send(
            head(
                "GET /api/v1/customers HTTP/1.1", HOST, AGENT, "X-Padding: " + "a".repeat(70_000)));

    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.header("Content-Type")).isEmpty();
  }

  @Test
  void leavesAnUnparsableHeaderToABare400() {
    Answer answer = send(head("GET /api/v1/customers HTTP/1.1", HOST, AGENT, "Bad Name: x"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).isEmpty();
  }

  private static Answer send(String request) {
    return exchange(RestAssured.port, request, PATIENCE);
  }

  private static Answer send(byte[] request) {
    return exchange(RestAssured.port, request, PATIENCE);
  }

  private static void assertProblem(Answer answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.header("X-Request-Id")).isPresent();
    JsonPath problem = JsonPath.from(answer.body());
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("type")).startsWith("https://outside-in.io/problems/");
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(answer.body()).doesNotContain("Exception", "\tat ", "io.vertx", "io.quarkus");
  }
}
