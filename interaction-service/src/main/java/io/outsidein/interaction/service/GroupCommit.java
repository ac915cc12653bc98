package io.outsidein.interaction.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.outsidein.interaction.config.InteractionConfig;
import io.outsidein.interaction.domain.Interaction;
import io.outsidein.outbox.Outbox;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Records single touchpoints from concurrent requests in shared transactions, each still answered
 * on its own. Profiling found much of a single POST's cost in per-transaction work (begin, flush,
 * commit, its outbox row alone); when the writers are busy, the requests waiting share that work,
 * which raises the rate the service keeps up with. At moderate rates groups stay small and a POST
 * costs about what it did alone. Off by configuration, each request has its own transaction.
 */
@Startup // writers and metrics from boot, not from the first POST
@ApplicationScoped
public class GroupCommit {
  private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(10);

  private final InteractionWriter writer;
  private final InteractionService interactions;
  private final Outbox outbox;
  private final InteractionConfig.GroupCommit config;
  private final MeterRegistry meters;
  private CommitGroups<ToWrite, Written> groups;
  private DistributionSummary groupSizes;
  private Gauge waiting;

  GroupCommit(
      InteractionWriter writer,
      InteractionService interactions,
      Outbox outbox,
      InteractionConfig config,
      MeterRegistry meters) {
    this.writer = writer;
    this.interactions = interactions;
    this.outbox = outbox;
    this.config = config.groupCommit();
    this.meters = meters;
  }

  @PostConstruct
  void start() {
    if (!config.enabled()) {
      return;
    }
    groupSizes =
        DistributionSummary.builder("interactions.group.commit.size")
            .description("Single touchpoint records written per shared transaction")
            .register(meters);
    groups =
        new CommitGroups<>(
            "group-commit", config.writers(), config.maxSize(), writer::write, groupSizes::record);
    CommitGroups<ToWrite, Written> started = groups;
    waiting =
        Gauge.builder("interactions.group.commit.waiting", started::waiting)
            .description("Single touchpoint records waiting for a writer")
            .register(meters);
  }

  /** The registry can outlive this application (tests restart it): take the meters along. */
  @PreDestroy
  void stop() {
    if (groups != null) {
      groups.close(SHUTDOWN_PATIENCE);
      meters.remove(groupSizes);
      meters.remove(waiting);
    }
  }

  /** Records one touchpoint, sharing a transaction with others arriving at the same moment. */
  public Interaction record(NewInteraction request) {
    if (groups == null) {
      return interactions.record(request);
    }
    return groups.submit(new ToWrite(request, outbox.originHere())).orThrow();
  }
}
