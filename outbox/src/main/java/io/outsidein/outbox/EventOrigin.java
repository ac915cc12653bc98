package io.outsidein.outbox;

/**
 * The call an event comes from: its request id, its actor (the employee or system that made it) and
 * the W3C traceparent of its span, any of them null. Captured on the caller's thread when the event
 * is written on another, so that the event still names the request and its actor and continues its
 * trace.
 */
public record EventOrigin(String requestId, String actor, String traceparent) {}
