package io.outsidein.gateway.routes;

import io.outsidein.gateway.forward.Upstream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The service a route class's operations are forwarded to, at the same path without {@code
 * /api/v1}; an operation may name another. {@link ForwardingRouter} forwards by it on the event
 * loop.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface ForwardedTo {
  Upstream value();
}
