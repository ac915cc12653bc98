package io.outsidein.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Money;
import io.outsidein.events.interaction.Rating;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    CloudEvent event = EventCodec.envelope(data, "/tests", Instant.now(), "req-1");
    String json = EventCodec.writeString(event);
    CloudEvent read = EventCodec.read(json.getBytes(StandardCharsets.UTF_8));

    assertThat(json).contains("\"specversion\":\"1.0\"").contains("\"value\":\"25.00\"");
    assertThat(read.subject()).isEqualTo(customer.toString());
    assertThat(read.requestid()).isEqualTo("req-1");
    assertThat(read.dataschema())
        .isEqualTo("urn:io.outsidein:events#/components/messages/interactionRecorded");
    assertThat(read.eventType()).contains(EventType.INTERACTION_RECORDED);
    assertThat(EventCodec.data(read, InteractionRecorded.class)).isEqualTo(data);
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
