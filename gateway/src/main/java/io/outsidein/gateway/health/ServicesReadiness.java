package io.outsidein.gateway.health;

import io.outsidein.gateway.config.ServicesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when it can reach every internal service. */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements HealthCheck {
  private final ServicesConfig config;
  private final HttpClient client;

  ServicesReadiness(ServicesConfig config) {
    this.config = config;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("internal services").up();
    Map<String, URI> services =
        Map.of(
            "customer-service", config.customer().url(),
            "interaction-service", config.interaction().url(),
            "insight-service", config.insight().url());
    services.forEach(
        (name, url) -> {
          boolean up = reachable(url);
          response.withData(name, up ? "UP" : "DOWN");
          if (!up) {
            response.down();
          }
        });
    return response.build();
  }

  private boolean reachable(URI base) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/q/health/live"))
              .timeout(Duration.ofSeconds(1))
              .GET()
              .build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }
}
