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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Goodwill gestures by status ({@code gestures{status=...}}), read from the database at each scrape
 * so that every instance reports the same truth; a growing PENDING_APPROVAL count means supervisors
 * are behind, and {@code gestures_pending_oldest_age_seconds} says how long the oldest one has
 * waited.
 */
@ApplicationScoped
public class GestureMetrics {
  private final MeterRegistry meters;
  private final List<Gauge> gauges = new ArrayList<>();

  private final Clock clock;

  GestureMetrics(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
  }

  void register(@Observes StartupEvent event) {
    for (GestureStatus status : GestureStatus.values()) {
      gauges.add(
          Gauge.builder("gestures", () -> count(status))
              .description("Goodwill gestures by status")
              .tag("status", status.name())
              .register(meters));
    }
    gauges.add(
        Gauge.builder("gestures.pending.oldest.age", this::oldestPendingAge)
            .description("How long the oldest PENDING_APPROVAL gesture has waited; 0 when none")
            .baseUnit("seconds")
            .register(meters));
  }

  /** The registry can outlive this application (tests restart it): take the gauges along. */
  void unregister(@Observes ShutdownEvent event) {
    gauges.forEach(meters::remove);
    gauges.clear();
  }

  private double oldestPendingAge() {
    Instant oldest =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Gesture.getEntityManager()
                        .createQuery(
                            "SELECT MIN(g.grantedAt) FROM Gesture g WHERE g.status = :status",
                            Instant.class)
                        .setParameter("status", GestureStatus.PENDING_APPROVAL)
                        .getSingleResult());
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
  }

  private double count(GestureStatus status) {
    return QuarkusTransaction.requiringNew().call(() -> Gesture.count("status", status));
  }
}
