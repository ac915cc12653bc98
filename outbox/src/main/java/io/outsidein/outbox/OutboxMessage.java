package io.outsidein.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting in the outbox; its id is the CloudEvent id. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {
  @Id public UUID id;

  @Column(nullable = false)
  public String topic;

  @Column(name = "message_key", nullable = false)
  public String messageKey;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String payload;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "published_at")
  public Instant publishedAt;

  /** The X-Request-Id of the call that caused the event; null for rows older than the column. */
  @Column(name = "request_id")
  public String requestId;

  /** Who caused the event (the CloudEvents {@code actor}); null for rows older than the column. */
  @Column(name = "actor")
  public String actor;

  /** The W3C traceparent of the writing request, null when tracing is off. */
  @Column(name = "traceparent")
  public String traceparent;
}
