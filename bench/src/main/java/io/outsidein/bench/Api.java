package io.outsidein.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outsidein.client.ApiClient;
import io.outsidein.prometheus.Scrape;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Request builders for the public API, whose bodies are the generated client's models (the load
 * runs send them with their own lighter HTTP client), and readers of a service's Prometheus
 * metrics.
 */
final class Api {
  /** The generated client's JSON settings, to write and read its models. */
  private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

  private final URI gateway;
  private final String bearer;
  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  Api(URI gateway, String key) {
    this.gateway = gateway;
    this.bearer = "Bearer " + key;
  }

  Call get(String path) {
    return new Call(
        "GET", gateway.resolve("/api/v1" + path), Map.of("Authorization", bearer), null);
  }

  /** A POST of one of the generated client's models. */
  Call post(String path, Object model) {
    return new Call(
        "POST",
        gateway.resolve("/api/v1" + path),
        Map.of("Authorization", bearer, "Content-Type", "application/json"),
        write(model));
  }

  static String write(Object model) {
    try {
      return JSON.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer's body as one of the generated client's models. */
  static <T> T read(String body, Class<T> model) {
    try {
      return JSON.readValue(body, model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not a " + model.getSimpleName() + ": " + body, e);
    }
  }

  static Call direct(URI service, String path) {
    return new Call("GET", service.resolve(path), Map.of(), null);
  }

  HttpResponse<String> send(Call call) {
    try {
      return client.send(call.toJdk(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(
          call.method() + " " + call.uri().getPath() + " failed: " + e, e);
    }
  }

  /** What a service shows at {@code /q/metrics} now. */
  Scrape scrape(URI service) {
    return Scrape.parse(send(direct(service, "/q/metrics")).body());
  }

  /**
   * The upper bound (seconds) of the bucket holding quantile {@code q} of what was counted between
   * two readings of a histogram; NaN when nothing was.
   */
  static double quantile(
      java.util.NavigableMap<Double, Double> before,
      java.util.NavigableMap<Double, Double> after,
      double q) {
    double total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
    if (total <= 0) {
      return Double.NaN;
    }
    for (var bucket : after.entrySet()) {
      double counted = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
      if (counted >= q * total) {
        return bucket.getKey();
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
