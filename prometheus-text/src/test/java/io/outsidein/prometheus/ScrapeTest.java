package io.outsidein.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScrapeTest {
  private static final String TEXT =
      """
      # HELP gestures Gestures by status
      # TYPE gestures gauge
      gestures{status="APPROVED"} 3.0
      gestures{status="PENDING_APPROVAL"} 1.0
      outbox_backlog 12.0
      outbox_oldest_age_seconds NaN
      inbox_events_total{topic="interaction-events",type="interaction.recorded"} 5.0
      inbox_events_total{topic="customer-events",type="interaction.recorded"} 2.0 1700000000000
      inbox_events_total{topic="customer-events",type="customer.registered"} 7.0
      delay_seconds_bucket{type="interaction.recorded",le="0.1"} 4.0
      delay_seconds_bucket{type="interaction.recorded",le="0.25"} 9.0 # {trace_id="ab"} 0.2 1.0
      delay_seconds_bucket{type="interaction.recorded",le="+Inf"} 10.0
      delay_seconds_bucket{type="customer.registered",le="+Inf"} 99.0
      odd{path="/a,b}",note="say \\"hi\\"\\\\"} 1.5
      """;

  private final Scrape scrape = Scrape.parse(TEXT);

  @Test
  void picksSeriesByNameAndExactLabels() {
    assertThat(scrape.value("gestures", "status", "APPROVED")).isEqualTo(3.0);
    assertThat(scrape.value("outbox_backlog")).isEqualTo(12.0);
    assertThat(scrape.has("gestures", "status", "APPROVED_LATER")).isFalse();
    // A label's value is matched whole, not as a part of it.
    assertThat(scrape.has("gestures", "status", "APPROVE")).isFalse();
  }

  @Test
  void sumsTheMatchingSeriesLeavingOutNaN() {
    assertThat(scrape.sum("inbox_events_total", "type", "interaction.recorded")).isEqualTo(7.0);
    assertThat(scrape.sum("inbox_events_total")).isEqualTo(14.0);
    assertThat(scrape.sum("outbox_oldest_age_seconds")).isZero();
    assertThat(scrape.sum("no_such_metric")).isZero();
  }

  @Test
  void valueRefusesNoneOrSeveral() {
    assertThatThrownBy(() -> scrape.value("no_such_metric"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> scrape.value("gestures")).hasMessageContaining("2 series");
  }

  @Test
  void readsHistogramBucketsWithExemplars() {
    assertThat(scrape.buckets("delay_seconds", "type", "interaction.recorded"))
        .containsExactly(
            org.assertj.core.api.Assertions.entry(0.1, 4.0),
            org.assertj.core.api.Assertions.entry(0.25, 9.0),
            org.assertj.core.api.Assertions.entry(Double.POSITIVE_INFINITY, 10.0));
  }

  @Test
  void readsEscapedLabelValues() {
    assertThat(scrape.samples("odd").get(0).labels())
        .containsEntry("path", "/a,b}")
        .containsEntry("note", "say \"hi\"\\");
    assertThat(scrape.value("odd", "path", "/a,b}")).isEqualTo(1.5);
  }
}
