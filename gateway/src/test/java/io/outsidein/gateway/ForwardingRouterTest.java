package io.outsidein.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.auth.Role;
import io.outsidein.gateway.fake.Fake;
import io.outsidein.gateway.fake.FakeServices;
import io.outsidein.gateway.routes.ForwardingRouter;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forwarding route on the event loop answers as the JAX-RS resources do: the same call is made
 * once as it is (forwarded by the route) and once with an Accept header that carries a parameter
 * (which the route leaves to the JAX-RS resource), and the two answers must be the same.
 */
@QuarkusTest
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ForwardingRouterTest {
  /** The route forwards this one itself; the REST layer answers the same Accept with a quality. */
  private static final String ACCEPT_FOR_THE_REST_LAYER = "application/json;q=1";

  @Inject ForwardingRouter router;
  @Inject MeterRegistry registry;

  record Call(
      String name,
      String method,
      String path,
      String role,
      UnaryOperator<RequestSpecification> more) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Call> calls() {
    return Stream.of(
        new Call(
            "register: 201 with Location and ETag",
            "POST",
            "/api/v1/customers",
            "agent",
            spec -> spec.contentType("application/json").body("{\"displayName\":\"Ada\"}")),
        new Call(
            "read: 200 with ETag", "GET", "/api/v1/customers/" + Fake.CUSTOMER, "agent", s -> s),
        new Call(
            "read with an id in capitals",
            "GET",
            "/api/v1/customers/" + Fake.CUSTOMER.toString().toUpperCase(Locale.ROOT),
            "agent",
            s -> s),
        new Call(
            "a service's problem, sanitised",
            "GET",
            "/api/v1/customers/" + Fake.UNKNOWN,
            "agent",
            s -> s),
        new Call(
            "a service failing: 502", "GET", "/api/v1/customers/" + Fake.FAILING, "agent", s -> s),
        new Call(
            "a service unavailable: 503 with its Retry-After",
            "GET",
            "/api/v1/customers/" + Fake.UNAVAILABLE_INSIGHT + "/insights",
            "analyst",
            s -> s),
        new Call(
            "erase: 204 without a body",
            "DELETE",
            "/api/v1/customers/" + Fake.CUSTOMER,
            "admin",
            s -> s),
        new Call(
            "a merge patch with If-Match",
            "PATCH",
            "/api/v1/customers/" + Fake.CUSTOMER,
            "agent",
            spec ->
                spec.contentType("application/merge-patch+json")
                    .header("If-Match", "\"2\"")
                    .body("{\"displayName\":\"Ada L\"}")),
        new Call(
            "a search with its query as encoded",
            "GET",
            "/api/v1/customers?segment=smb&limit=5",
            "analyst",
            s -> s),
        new Call(
            "a query the operation does not take is not sent",
            "GET",
            "/api/v1/customers/" + Fake.CUSTOMER + "?x=1",
            "agent",
            s -> s),
        new Call(
            "a policy change answering its ETag",
            "PUT",
            "/api/v1/policies/goodwill",
            "admin",
            spec ->
                spec.contentType("application/json; charset=UTF-8")
                    .header("If-Match", "\"1\"")
                    .body("{}")),
        new Call(
            "a rebuild: 202 with the public Location",
            "POST",
            "/api/v1/admin/insights/rebuilds",
            "admin",
            s -> s),
        new Call(
            "an interaction with an Idempotency-Key",
            "POST",
            "/api/v1/interactions",
            "agent",
            spec ->
                spec.contentType("application/json")
                    .header("Idempotency-Key", "idem-router")
                    .body("{\"customerId\":\"" + Fake.CUSTOMER + "\"}")));
  }

  /**
   * Every operation the route forwards, as an admin (who may do them all) with a body if it takes
   * one.
   */
  Stream<Call> everyOperation() {
    return router.operations().stream()
        .map(
            op ->
                new Call(
                    op.method() + " " + op.template(),
                    op.method(),
                    op.template().replace("{id}", Fake.CUSTOMER.toString())
                        + (op.passesQuery() ? "?limit=5" : ""),
                    "admin",
                    spec ->
                        op.takesBody()
                            ? spec.contentType(op.consumes().get(0)).body("{\"n\":1}")
                            : spec));
  }

  @Test
  void forwardsEveryOperationToTheSamePathAsItsResource() {
    List<Call> calls = everyOperation().toList();
    assertThat(calls).hasSizeGreaterThanOrEqualTo(30);
    calls.forEach(this::answersAsTheRestLayerDoes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void answersAsTheRestLayerDoes(Call call) {
    double before = forwardedOnTheLoop();
    Response direct = send(call, null);
    assertThat(forwardedOnTheLoop()).as("forwarded by the route").isEqualTo(before + 1);
    Response throughTheRestLayer = send(call, ACCEPT_FOR_THE_REST_LAYER);
    assertThat(forwardedOnTheLoop()).as("left to the REST layer").isEqualTo(before + 1);
    assertThat(direct.statusCode()).isEqualTo(throughTheRestLayer.statusCode());
    assertThat(direct.asString()).isEqualTo(throughTheRestLayer.asString());
    for (String header :
        List.of(
            "Content-Type",
            "ETag",
            "Location",
            "Retry-After",
            "X-Request-Id",
            "RateLimit-Limit",
            "WWW-Authenticate")) {
      assertThat(direct.headers().getValues(header))
          .as(call + ": " + header)
          .isEqualTo(throughTheRestLayer.headers().getValues(header));
    }
    assertThat(direct.header("RateLimit-Remaining")).isNotNull();
  }

  private double forwardedOnTheLoop() {
    return registry.get("outsidein.gateway.forwarded.on.loop").functionCounter().count();
  }

  private static Response send(Call call, String accept) {
    RequestSpecification spec =
        given()
            .header("Authorization", TestKeys.bearer(Role.parse(call.role())))
            .header("X-Request-Id", "req-router")
            .urlEncodingEnabled(false);
    if (accept != null) {
      spec = spec.accept(accept);
    }
    return call.more().apply(spec).when().request(call.method(), call.path());
  }

  @Test
  void forwardsEveryOperationButTheComposedJourneyWithItsRoutesPermission() throws Exception {
    List<String> routes =
        OpenApiCoverageTest.routes().stream()
            .filter(route -> !route.path().endsWith("/journey"))
            .map(
                route ->
                    route.method().toUpperCase(Locale.ROOT)
                        + " "
                        + route.path()
                        + " "
                        + route.javaMethod().getAnnotation(Requires.class).value())
            .toList();
    assertThat(
            router.operations().stream()
                .map(op -> op.method() + " " + op.template() + " " + op.permission()))
        .containsExactlyInAnyOrderElementsOf(routes);
  }
}
