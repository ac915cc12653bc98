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
import java.util.concurrent.CompletionStage;

/**
 * Records single touchpoints from concurrent requests in shared transactions, each still answered
 * on its own. Profiling found much of a single POST's cost in per-transaction work (begin, flush,
 * commit, its outbox row alone); when the writers are busy, the requests waiting share that work,
 * which raises the rate the service keeps up with. At moderate rates groups stay small and a POST
 * costs about what it did alone. Off by configuration, each request has its own transaction (groups
 * of one). The caller never waits: its answer completes on the writer's thread, so a request holds
 * no thread while its touchpoint is written.
 */
@Startup // writers and metrics from boot, not from the first POST
@ApplicationScoped
public class GroupCommit {
  private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(10);

  private final InteractionWriter writer;
  private final Outbox outbox;
  private final InteractionConfig.GroupCommit config;
  private final MeterRegistry meters;
  private CommitGroups<ToWrite, Written> groups;
  private DistributionSummary groupSizes;
  private Gauge waiting;

  GroupCommit(
      InteractionWriter writer, Outbox outbox, InteractionConfig config, MeterRegistry meters) {
    this.writer = writer;
    this.outbox = outbox;
    this.config = config.groupCommit();
    this.meters = meters;
  }

  @PostConstruct
  void start() {
    groupSizes =
        DistributionSummary.builder("interactions.group.commit.size")
            .description("Single touchpoint records written per shared transaction")
            .register(meters);
    groups =
        new CommitGroups<>(
            "group-commit",
            config.writers(),
            config.enabled() ? config.maxSize() : 1,
            writer::write,
            groupSizes::record);
    CommitGroups<ToWrite, Written> started = groups;
    waiting =
        Gauge.builder("interactions.group.commit.waiting", started::waiting)
            .description("Single touchpoint records waiting for a writer")
            .register(meters);
  }

  /** The registry can outlive this application (tests restart it): take the meters along. */
  @PreDestroy
  void stop() {
    groups.close(SHUTDOWN_PATIENCE);
    meters.remove(groupSizes);
    meters.remove(waiting);
  }

  /**
   * Records one touchpoint, sharing a transaction with others arriving at the same moment. Returns
   * at once; the stored touchpoint, or the problem that refused it, completes on a writer's thread.
   * The call's request id, actor and trace are taken here, on the caller's thread.
   */
  public CompletionStage<Interaction> record(NewInteraction request) {
    return groups.submit(new ToWrite(request, outbox.originHere())).thenApply(Written::orThrow);
  }
}
