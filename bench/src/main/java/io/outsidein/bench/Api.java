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

  /** The value of a Prometheus gauge of a service, for example {@code outbox_backlog}. */
  Optional<Double> metric(URI service, String name) {
    String text = send(direct(service, "/q/metrics")).body();
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$")
            .matcher(text);
    return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
  }
}
