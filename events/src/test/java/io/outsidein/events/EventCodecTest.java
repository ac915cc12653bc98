package io.outsidein.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outsidein.events.interaction.CaseResolved;
import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.GoodwillPolicyChanged;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Money;
import io.outsidein.events.interaction.Rating;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  @Test
  void writesAStructuredCloudEventAndReadsBackTheTypedPayload() {
    UUID customer = UUID.randomUUID();
    InteractionRecorded data =
        new InteractionRecorded(
            UUID.randomUUID(),
            customer,
            Instant.parse("2026-01-02T03:04:05Z"),
            Channel.PHONE,
            Department.SUPPORT,
            InteractionType.COMPLAINT,
            null,
            new Rating(Rating.Scale.CSAT, 2),
            -0.5,
            new Money(new BigDecimal("25.00"), "EUR"));

    CloudEvent event = EventCodec.envelope(data, "/tests", Instant.now(), "req-1", "agent-desk");
    String json = EventCodec.writeString(event);
    CloudEvent read = EventCodec.read(json.getBytes(StandardCharsets.UTF_8));

    assertThat(json).contains("\"specversion\":\"1.0\"").contains("\"value\":\"25.00\"");
    assertThat(read.subject()).isEqualTo(customer.toString());
    assertThat(read.requestid()).isEqualTo("req-1");
    assertThat(read.actor()).isEqualTo("agent-desk");
    assertThat(json).contains("\"actor\":\"agent-desk\"").contains("\"requestid\":\"req-1\"");
    assertThat(read.dataschema())
        .isEqualTo("urn:io.outsidein:events#/components/messages/interactionRecorded");
    assertThat(read.eventType()).contains(EventType.INTERACTION_RECORDED);
    assertThat(EventCodec.data(read, InteractionRecorded.class)).isEqualTo(data);
  }

  @Test
  void readsAnEventWrittenBeforeTheActorAndRequestIdExtensions() {
    String old =
        "{\"specversion\":\"1.0\",\"id\":\"0190a0b0-0000-7000-8000-000000000001\","
            + "\"source\":\"/outside-in/interaction-service\","
            + "\"type\":\"io.outsidein.case.resolved.v1\",\"time\":\"2026-01-02T03:04:05Z\","
            + "\"subject\":\"6f1c2d4e-8a0b-4c5d-9e7f-102030405060\","
            + "\"data\":{\"caseId\":\"0190a0b0-0000-7000-8000-000000000002\","
            + "\"customerId\":\"6f1c2d4e-8a0b-4c5d-9e7f-102030405060\","
            + "\"resolvedAt\":\"2026-01-02T03:04:05Z\"}}";

    CloudEvent read = EventCodec.read(old.getBytes(StandardCharsets.UTF_8));

    assertThat(read.actor()).isNull();
    assertThat(read.requestid()).isNull();
    assertThat(EventCodec.data(read, CaseResolved.class).customerId())
        .isEqualTo(UUID.fromString("6f1c2d4e-8a0b-4c5d-9e7f-102030405060"));
  }

  @Test
  void keysAPolicyChangeByThePolicyNotByACustomer() {
    GoodwillPolicyChanged data =
        new GoodwillPolicyChanged(
            4,
            "admin-desk",
            Instant.parse("2026-01-02T03:04:05Z"),
            Map.of(
                "EUR",
                new GoodwillPolicyChanged.CurrencyRules(
                    "25.00", Map.of("premium", "100.00"), "50.00", 90, "500.00")));

    CloudEvent event = EventCodec.envelope(data, "/tests", Instant.now(), "req-2", "admin-desk");
    CloudEvent read = EventCodec.read(EventCodec.write(event));

    assertThat(read.subject()).isEqualTo("goodwill-policy");
    assertThat(read.eventType()).contains(EventType.GOODWILL_POLICY_CHANGED);
    assertThat(read.dataschema())
        .isEqualTo("urn:io.outsidein:events#/components/messages/goodwillPolicyChanged");
    assertThat(EventCodec.data(read, GoodwillPolicyChanged.class)).isEqualTo(data);
  }

  @Test
  void refusesARecordThatIsNotACloudEvent() {
    assertThatThrownBy(() -> EventCodec.read("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EventCodec.MalformedEventException.class);
    assertThatThrownBy(() -> EventCodec.read("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(EventCodec.MalformedEventException.class);
  }

  @Test
  void leavesAnUnknownTypeUnresolvedSoConsumersCanSkipIt() {
    assertThat(EventType.of("io.outsidein.something.new.v9")).isEmpty();
  }
}
