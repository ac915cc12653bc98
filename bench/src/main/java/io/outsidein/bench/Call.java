package io.outsidein.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP request of the benchmark, for either client: the JDK's for set-up and polling, the
 * {@link LoadClient} for the fixed-rate runs.
 */
record Call(String method, URI uri, Map<String, String> headers, String body) {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  HttpRequest toJdk() {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    headers.forEach(request::header);
    return request
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
