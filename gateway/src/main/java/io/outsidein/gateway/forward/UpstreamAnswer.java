package io.outsidein.gateway.forward;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/** What an internal service answered: status, headers, the whole body, and the path asked. */
public record UpstreamAnswer(int statusCode, MultiMap headers, Buffer content, String path) {
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  public byte[] body() {
    return content.getBytes();
  }
}
