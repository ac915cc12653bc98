package io.outsidein.outbox;

import io.outsidein.events.CloudEvent;
import io.outsidein.events.EventCodec;
import io.outsidein.events.EventData;
import io.outsidein.kit.actor.Actor;
import io.outsidein.kit.requestid.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Writes events into the outbox table inside the caller's transaction. */
@ApplicationScoped
public class Outbox {
  private static final Object WAKE_REGISTERED = new Object();

  private final EntityManager entityManager;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;
  private final OutboxConfig config;
  private final OutboxTracing tracing;
  private final Clock clock;

  Outbox(
      EntityManager entityManager,
      TransactionSynchronizationRegistry transactions,
      OutboxRelay relay,
      OutboxConfig config,
      OutboxTracing tracing,
      Clock clock) {
    this.entityManager = entityManager;
    this.transactions = transactions;
    this.relay = relay;
    this.config = config;
    this.tracing = tracing;
    this.clock = clock;
  }

  /**
   * Records an event in the current transaction; it is relayed only if that transaction commits.
   * Mandatory so that no caller can write an event apart from the change it describes.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public CloudEvent record(EventData data) {
    return record(data, originHere());
  }

  /**
   * Records an event caused by a call served on another thread: it carries that call's request id
   * and actor and continues its trace, whatever thread writes it. Work no caller caused (a
   * schedule, a consumer of an event without an actor) is signed {@link OutboxConfig#systemActor}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public CloudEvent record(EventData data, EventOrigin origin) {
    Instant now = clock.instant();
    String actor = origin.actor() != null ? origin.actor() : config.systemActor();
    CloudEvent event = EventCodec.envelope(data, config.source(), now, origin.requestId(), actor);
    OutboxMessage message = new OutboxMessage();
    message.id = event.id();
    message.topic = data.eventType().topic();
    message.messageKey = event.subject();
    message.eventType = event.type();
    message.payload = EventCodec.writeString(event);
    message.createdAt = now;
    message.traceparent = origin.traceparent();
    message.requestId = event.requestid();
    message.actor = actor;
    entityManager.persist(message);
    wakeRelayAfterCommit();
    return event;
  }

  /** The request id, actor and trace of the call running on this thread. */
  public EventOrigin originHere() {
    return new EventOrigin(RequestId.current(), Actor.current(), tracing.currentTraceparent());
  }

  private void wakeRelayAfterCommit() {
    if (transactions.getResource(WAKE_REGISTERED) != null) {
      return;
    }
    transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              relay.wake();
            }
          }
        });
  }
}
