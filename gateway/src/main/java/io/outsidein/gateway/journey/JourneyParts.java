package io.outsidein.gateway.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Outbound;
import io.outsidein.gateway.forward.Upstream;
import io.outsidein.gateway.forward.UpstreamAnswer;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The five reads behind a customer's journey, each bounded by a timeout and guarded by its own
 * circuit breaker, so a slow or dead service costs the view at most one timeout and, once the
 * breaker opens, nothing. Timeouts can be tuned with MicroProfile Fault Tolerance keys, for example
 * {@code io.outsidein.gateway.journey.JourneyParts/insights/Timeout/value=800}.
 */
@ApplicationScoped
public class JourneyParts {
  static final int TIMEOUT_MILLIS = 1000;

  /**
   * A breaker opens when 15 of its part's last 20 calls failed, and stays open 5 s. Judged over a
   * window of 4 calls, three unlucky calls in a row (20 ms of traffic at 200 journeys a second)
   * would open it, and a part slow for a few requests would go missing from every journey for 5 s.
   */
  static final int BREAKER_WINDOW = 20;

  static final double BREAKER_FAILURE_RATIO = 0.75;
  static final long BREAKER_OPEN_MILLIS = 5000;

  /** The HTTP client's own limit, a backstop behind the fault-tolerance timeout. */
  private static final Duration HTTP_TIMEOUT = Duration.ofMillis(2 * TIMEOUT_MILLIS);

  private final Forwarder forwarder;
  private final ObjectMapper json;

  JourneyParts(Forwarder forwarder, ObjectMapper json) {
    this.forwarder = forwarder;
    this.json = json;
  }

  @AsynchronousNonBlocking
  @Timeout(TIMEOUT_MILLIS)
  @CircuitBreaker(
      requestVolumeThreshold = BREAKER_WINDOW,
      failureRatio = BREAKER_FAILURE_RATIO,
      delay = BREAKER_OPEN_MILLIS,
      skipOn = CustomerAnswer.class)
  public CompletionStage<JsonNode> customer(UUID id, Outbound outbound) {
    return forwarder
        .get(Upstream.CUSTOMER, "/customers/" + id, outbound, HTTP_TIMEOUT)
        .thenApply(
            response -> {
              if (response.statusCode() >= 500) {
                throw new PartFailed("customer-service answered " + response.statusCode());
              }
              if (response.statusCode() != 200) {
                throw new CustomerAnswer(response.statusCode(), response.body());
              }
              return read(response);
            });
  }

  @AsynchronousNonBlocking
  @Timeout(TIMEOUT_MILLIS)
  @CircuitBreaker(
      requestVolumeThreshold = BREAKER_WINDOW,
      failureRatio = BREAKER_FAILURE_RATIO,
      delay = BREAKER_OPEN_MILLIS)
  public CompletionStage<JsonNode> insights(UUID id, Outbound outbound) {
    return forwarder
        .get(Upstream.INSIGHT, "/customers/" + id + "/insights", outbound, HTTP_TIMEOUT)
        // No insight yet for a brand-new customer is an answer, not a failure.
        .thenApply(response -> response.statusCode() == 404 ? NullNode.instance : ok(response));
  }

  @AsynchronousNonBlocking
  @Timeout(TIMEOUT_MILLIS)
  @CircuitBreaker(
      requestVolumeThreshold = BREAKER_WINDOW,
      failureRatio = BREAKER_FAILURE_RATIO,
      delay = BREAKER_OPEN_MILLIS)
  public CompletionStage<JsonNode> openCases(UUID id, Outbound outbound) {
    return forwarder
        .get(
            Upstream.INTERACTION, "/customers/" + id + "/cases?status=OPEN", outbound, HTTP_TIMEOUT)
        .thenApply(response -> items(ok(response)));
  }

  @AsynchronousNonBlocking
  @Timeout(TIMEOUT_MILLIS)
  @CircuitBreaker(
      requestVolumeThreshold = BREAKER_WINDOW,
      failureRatio = BREAKER_FAILURE_RATIO,
      delay = BREAKER_OPEN_MILLIS)
  public CompletionStage<JsonNode> timeline(UUID id, Outbound outbound) {
    return forwarder
        .get(
            Upstream.INTERACTION,
            "/customers/" + id + "/interactions?limit=50",
            outbound,
            HTTP_TIMEOUT)
        .thenApply(response -> items(ok(response)));
  }

  /** What the caller (the outbound X-Actor) may still give the customer, per currency. */
  @AsynchronousNonBlocking
  @Timeout(TIMEOUT_MILLIS)
  @CircuitBreaker(
      requestVolumeThreshold = BREAKER_WINDOW,
      failureRatio = BREAKER_FAILURE_RATIO,
      delay = BREAKER_OPEN_MILLIS)
  public CompletionStage<JsonNode> goodwill(UUID id, Outbound outbound) {
    return forwarder
        .get(Upstream.INTERACTION, "/customers/" + id + "/goodwill", outbound, HTTP_TIMEOUT)
        .thenApply(this::ok);
  }

  private JsonNode ok(UpstreamAnswer response) {
    if (response.statusCode() != 200) {
      throw new PartFailed(response.path() + " answered " + response.statusCode());
    }
    return read(response);
  }

  /** A page's items, or the list itself when a service answers with a bare array. */
  private static JsonNode items(JsonNode page) {
    return page.has("items") ? page.get("items") : page;
  }

  private JsonNode read(UpstreamAnswer response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new PartFailed(response.path() + " answered with invalid JSON");
    }
  }
}
