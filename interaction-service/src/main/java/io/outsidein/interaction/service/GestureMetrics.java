package io.outsidein.interaction.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.interaction.domain.Gesture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * Goodwill gestures by status ({@code gestures{status=...}}), read from the database at each scrape
 * so that every instance reports the same truth; a growing PENDING_APPROVAL count means supervisors
 * are behind.
 */
@ApplicationScoped
public class GestureMetrics {
  private final MeterRegistry meters;
  private final List<Gauge> gauges = new ArrayList<>();

  GestureMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void register(@Observes StartupEvent event) {
    for (GestureStatus status : GestureStatus.values()) {
      gauges.add(
          Gauge.builder("gestures", () -> count(status))
              .description("Goodwill gestures by status")
              .tag("status", status.name())
              .register(meters));
    }
  }

  /** The registry can outlive this application (tests restart it): take the gauges along. */
  void unregister(@Observes ShutdownEvent event) {
    gauges.forEach(meters::remove);
    gauges.clear();
  }

  private double count(GestureStatus status) {
    return QuarkusTransaction.requiringNew().call(() -> Gesture.count("status", status));
  }
}
