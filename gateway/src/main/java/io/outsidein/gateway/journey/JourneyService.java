package io.outsidein.gateway.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Outbound;
import io.outsidein.gateway.forward.PublicProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * A customer's whole journey from three services read in parallel, with the caller's goodwill
 * standing for the customer. Only the customer is required; any other part that fails is left out
 * and named in {@code degraded}.
 */
@ApplicationScoped
public class JourneyService {
  private static final Logger LOG = Logger.getLogger(JourneyService.class);
  private final JourneyParts parts;
  private final ObjectMapper json;

  JourneyService(JourneyParts parts, ObjectMapper json) {
    this.parts = parts;
    this.json = json;
  }

  public CompletionStage<Response> journey(UUID id, Outbound outbound) {
    return journey(id, outbound, true);
  }

  private CompletionStage<Response> journey(UUID id, Outbound outbound, boolean followMerge) {
    CompletableFuture<JsonNode> customer = parts.customer(id, outbound).toCompletableFuture();
    CompletableFuture<Optional<JsonNode>> insights =
        optional(parts.insights(id, outbound), "insights");
    CompletableFuture<Optional<JsonNode>> openCases =
        optional(parts.openCases(id, outbound), "openCases");
    CompletableFuture<Optional<JsonNode>> timeline =
        optional(parts.timeline(id, outbound), "timeline");
    CompletableFuture<Optional<JsonNode>> goodwill =
        optional(parts.goodwill(id, outbound), "goodwill");
    return customer
        .handle((found, failure) -> found)
        .thenCompose(
            found -> {
              if (found == null) {
                return customer.handle((ignored, failure) -> customerMissing(failure, outbound));
              }
              JsonNode survivor = found.path("mergedInto");
              if (followMerge
                  && "MERGED".equals(found.path("status").asText())
                  && survivor.isTextual()) {
                return journey(UUID.fromString(survivor.asText()), outbound, false);
              }
              return CompletableFuture.allOf(insights, openCases, timeline, goodwill)
                  .thenApply(
                      done ->
                          Response.ok(
                                  view(
                                      found,
                                      insights.join(),
                                      openCases.join(),
                                      timeline.join(),
                                      goodwill.join()),
                                  MediaType.APPLICATION_JSON)
                              .build());
            });
  }

  private ObjectNode view(
      JsonNode customer,
      Optional<JsonNode> insights,
      Optional<JsonNode> openCases,
      Optional<JsonNode> timeline,
      Optional<JsonNode> goodwill) {
    ObjectNode view = json.createObjectNode();
    ArrayNode degraded = json.createArrayNode();
    view.set("customer", customer);
    put(view, degraded, "insights", insights);
    put(view, degraded, "openCases", openCases);
    put(view, degraded, "timeline", timeline);
    put(view, degraded, "goodwill", goodwill);
    view.set("degraded", degraded);
    return view;
  }

  /** A part is absent when its service has none yet (404) or failed; only a failure degrades. */
  private static void put(
      ObjectNode view, ArrayNode degraded, String name, Optional<JsonNode> part) {
    if (part.isEmpty()) {
      degraded.add(name);
    } else if (!part.get().isNull()) {
      view.set(name, part.get());
    }
  }

  private static CompletableFuture<Optional<JsonNode>> optional(
      CompletionStage<JsonNode> part, String name) {
    return part.toCompletableFuture()
        .handle(
            (node, failure) -> {
              if (failure != null) {
                LOG.warnf("journey part %s degraded: %s", name, Forwarder.unwrap(failure));
                return Optional.empty();
              }
              return Optional.of(node);
            });
  }

  private static Response customerMissing(Throwable failure, Outbound outbound) {
    if (Forwarder.unwrap(failure) instanceof CustomerAnswer answer) {
      return PublicProblems.passThrough(answer.status(), answer.body(), outbound.publicPath());
    }
    LOG.warnf("journey without customer: %s", Forwarder.unwrap(failure));
    return PublicProblems.serviceUnavailable();
  }
}
