package io.outsidein.gateway.forward;

import io.opentelemetry.context.Context;
import io.outsidein.gateway.auth.CallContext;
import io.outsidein.kit.requestid.RequestId;

/**
 * What every internal call carries from the public request: the request id, the caller's name
 * (X-Actor), the public path (for problem {@code instance}) and the trace it belongs to. Captured
 * on the request's thread, because the calls complete on the HTTP client's threads.
 */
public record Outbound(String requestId, String actor, String publicPath, Context trace) {
  public static final String ACTOR_HEADER = "X-Actor";

  public static Outbound of(CallContext call) {
    return new Outbound(RequestId.current(), call.actor(), call.publicPath(), Context.current());
  }
}
