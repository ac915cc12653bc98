package io.outsidein.gateway.forward;

import io.vertx.core.MultiMap;
import java.util.Optional;

/** What an internal service answered: status, headers, the whole body, and the path asked. */
public record UpstreamAnswer(int statusCode, MultiMap headers, byte[] body, String path) {
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }
}
