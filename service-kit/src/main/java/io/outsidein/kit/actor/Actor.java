package io.outsidein.kit.actor;

import org.jboss.logging.MDC;

/**
 * Who caused the call being served: the employee or system the gateway names in X-Actor. It lives
 * in the logging MDC beside the request id, so that the outbox can stamp it on every event the call
 * causes, whatever service code runs in between.
 */
public final class Actor {
  public static final String HEADER = "X-Actor";
  public static final String MDC_KEY = "actor";

  /** Recorded as the actor of a change made by a call that named none (it bypassed the gateway). */
  public static final String UNKNOWN = "unknown";

  /** The longest actor kept; the columns that record actors are this wide. */
  public static final int MAX_LENGTH = 100;

  private Actor() {}

  /** The actor of the call on this thread, or null when no caller named one. */
  public static String current() {
    Object value = MDC.get(MDC_KEY);
    return value == null ? null : value.toString();
  }

  /** The actor of the call on this thread, or {@link #UNKNOWN}: what a record of a change keeps. */
  public static String currentOrUnknown() {
    String actor = current();
    return actor == null ? UNKNOWN : actor;
  }

  public static void set(String actor) {
    if (actor == null) {
      MDC.remove(MDC_KEY);
    } else {
      MDC.put(MDC_KEY, actor);
    }
  }

  /**
   * The header's actor without control characters and cut to {@value #MAX_LENGTH} characters (the
   * gateway sets it, but a log line or a column must not be forged), or null when blank.
   */
  public static String accept(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String clean = header.strip().replaceAll("\\p{Cntrl}", "");
    if (clean.isEmpty()) {
      return null;
    }
    return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) : clean;
  }
}
