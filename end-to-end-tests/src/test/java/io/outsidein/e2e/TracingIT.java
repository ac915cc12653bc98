package io.outsidein.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.client.ApiException;
import io.outsidein.e2e.TraceCollector.CollectedSpan;
import io.outsidein.events.Topics;
import io.outsidein.launcher.Suite;
import io.outsidein.testing.EventProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tracing switched on, as an operator would: the shared suite's services export the spans of
 * sampled calls to a collector, here one that keeps them in memory. One public request whose caller
 * sampled a trace must then be one trace, from the gateway through interaction-service and Kafka to
 * insight-service's consumer.
 */
@ExtendWith(SharedSuite.class)
class TracingIT {
  private static TraceCollector collector;
  private static Suite suite;
  private static ClientFixtures api;

  @BeforeAll
  static void connect(Suite shared, TraceCollector sharedCollector) {
    collector = sharedCollector;
    suite = shared;
    api = new ClientFixtures(suite);
  }

  @Test
  void oneRequestThroughTheGatewayIsOneTraceThatReachesTheInsightConsumer() throws ApiException {
    UUID customerId = api.customers(1, "traced").get(0);
    // The caller starts the trace, as a client with its own tracing would.
    String traceId = randomHex(16);
    String callerSpanId = randomHex(8);

    String interactionId =
        api.agent
            .interactions()
            .recordInteraction(
                ClientFixtures.visit(customerId),
                null,
                Map.of("traceparent", "00-" + traceId + "-" + callerSpanId + "-01"))
            .getId()
            .toString();

    CollectedSpan consumer =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> find(collector.trace(traceId), "insight-service", "CONSUMER"),
                Optional::isPresent)
            .orElseThrow();
    // One tree: every span hangs off another span of the trace, except the gateway's, which hangs
    // off the caller's. Each process exports its spans in its own batches, so the consumer's span
    // can arrive before its ancestors do: wait for the tree to be whole.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertOneTree(collector.trace(traceId), callerSpanId));
    List<CollectedSpan> trace = collector.trace(traceId);
    Map<String, CollectedSpan> byId = byId(trace);
    // The gateway made one call, so one client span.
    assertThat(trace)
        .filteredOn(span -> span.service().equals("gateway") && span.kind().equals("CLIENT"))
        .hasSize(1);

    // The consumer's ancestry is the path the event took.
    assertThat(ancestry(consumer, byId))
        .extracting(span -> span.service() + " " + span.kind())
        .containsSubsequence(
            "insight-service CONSUMER",
            "interaction-service PRODUCER",
            "interaction-service SERVER",
            "gateway CLIENT",
            "gateway SERVER");
    assertThat(consumer.name()).isEqualTo(Topics.INTERACTION_EVENTS + " process");

    // The context travelled in the event's Kafka headers, not in its body.
    try (EventProbe probe =
        EventProbe.on(suite.broker().bootstrapServers(), Topics.INTERACTION_EVENTS)) {
      probe.await(event -> event.data().toString().contains(interactionId), Duration.ofSeconds(10));
      ConsumerRecord<String, byte[]> record =
          probe.records().stream()
              .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(interactionId))
              .findFirst()
              .orElseThrow();
      Header traceparent = record.headers().lastHeader("traceparent");
      assertThat(traceparent).isNotNull();
      assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).contains(traceId);
      assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(traceId);
    }
  }

  private static void assertOneTree(List<CollectedSpan> trace, String callerSpanId) {
    Optional<CollectedSpan> gatewayServer = find(trace, "gateway", "SERVER");
    assertThat(gatewayServer).isPresent();
    CollectedSpan root = gatewayServer.get();
    assertThat(root.parentSpanId()).isEqualTo(callerSpanId);
    Map<String, CollectedSpan> byId = byId(trace);
    assertThat(trace)
        .filteredOn(span -> span != root)
        .allSatisfy(span -> assertThat(byId).containsKey(span.parentSpanId()));
  }

  private static Map<String, CollectedSpan> byId(List<CollectedSpan> trace) {
    return trace.stream().collect(Collectors.toMap(CollectedSpan::spanId, Function.identity()));
  }

  private static Optional<CollectedSpan> find(
      List<CollectedSpan> trace, String service, String kind) {
    return trace.stream()
        .filter(span -> span.service().equals(service) && span.kind().equals(kind))
        .findFirst();
  }

  private static List<CollectedSpan> ancestry(CollectedSpan span, Map<String, CollectedSpan> byId) {
    List<CollectedSpan> path = new ArrayList<>();
    for (CollectedSpan at = span; at != null; at = byId.get(at.parentSpanId())) {
      path.add(at);
    }
    return path;
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
