package io.outsidein.outbox;

/**
 * The call an event comes from: its request id and the W3C traceparent of its span, either of them
 * null. Captured on the caller's thread when the event is written on another, so that the event
 * still names the request and continues its trace.
 */
public record EventOrigin(String requestId, String traceparent) {}
