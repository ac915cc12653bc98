package io.outsidein.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Request builders for the public API and readers of a service's Prometheus metrics. */
final class Api {
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

  Call post(String path, String json) {
    return new Call(
        "POST",
        gateway.resolve("/api/v1" + path),
        Map.of("Authorization", bearer, "Content-Type", "application/json"),
        json);
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

  /** The sum of every series of a metric, NaN ones (not measured yet) left out. */
  double metricSum(URI service, String name) {
    String text = send(direct(service, "/q/metrics")).body();
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+|NaN)$")
            .matcher(text);
    double sum = 0;
    while (m.find()) {
      if (!m.group(1).equals("NaN")) {
        sum += Double.parseDouble(m.group(1));
      }
    }
    return sum;
  }

  /**
   * A Prometheus histogram's cumulative bucket counts by upper bound (seconds; +Inf as infinity),
   * summed over the series whose labels contain {@code labelsContaining}.
   */
  java.util.NavigableMap<Double, Double> buckets(
      URI service, String histogram, String labelsContaining) {
    String text = send(direct(service, "/q/metrics")).body();
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(histogram)
                    + "_bucket\\{([^}]*)le=\"([^\"]+)\"([^}]*)} ([0-9.eE+-]+)")
            .matcher(text);
    java.util.NavigableMap<Double, Double> counts = new java.util.TreeMap<>();
    while (m.find()) {
      if ((m.group(1) + m.group(3)).contains(labelsContaining)) {
        double le =
            m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
        counts.merge(le, Double.parseDouble(m.group(4)), Double::sum);
      }
    }
    return counts;
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

  /** The value of a Prometheus gauge of a service, for example {@code outbox_backlog}. */
  Optional<Double> metric(URI service, String name) {
    String text = send(direct(service, "/q/metrics")).body();
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$")
            .matcher(text);
    return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
  }
}
