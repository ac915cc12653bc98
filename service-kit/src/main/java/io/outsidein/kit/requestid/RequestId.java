package io.outsidein.kit.requestid;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The X-Request-Id of the call being served. It lives in the logging MDC so that every log line
 * carries it, and the outbox copies it into every event the call causes.
 */
public final class RequestId {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestId() {}

  public static String current() {
    Object value = MDC.get(MDC_KEY);
    return value == null ? null : value.toString();
  }

  public static void set(String requestId) {
    if (requestId == null) {
      MDC.remove(MDC_KEY);
    } else {
      MDC.put(MDC_KEY, requestId);
    }
  }

  /**
   * The caller's id when it is a sane token, otherwise a new one (never trust a header blindly).
   */
  public static String acceptOrGenerate(String fromCaller) {
    return fromCaller != null && ACCEPTED.matcher(fromCaller).matches()
        ? fromCaller
        : UUID.randomUUID().toString();
  }
}
