package io.outsidein.gateway.forward;

import io.outsidein.gateway.auth.CallContext;
import io.outsidein.kit.requestid.RequestId;

/**
 * What every internal call carries from the public request: the request id, the caller's name
 * (X-Actor) and the public path (for problem {@code instance}). Captured on the request's thread.
 */
public record Outbound(String requestId, String actor, String publicPath) {
  public static final String ACTOR_HEADER = "X-Actor";

  public static Outbound of(CallContext call) {
    return new Outbound(RequestId.current(), call.actor(), call.publicPath());
  }
}
