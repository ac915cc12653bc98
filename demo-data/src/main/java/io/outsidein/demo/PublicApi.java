package io.outsidein.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of the public API: JSON in and out, with the retries a polite caller makes. */
public final class PublicApi {
  private static final int ATTEMPTS = 5;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final URI gateway;
  private final String apiKey;

  public PublicApi(URI gateway, String apiKey) {
    this.gateway = gateway;
    this.apiKey = apiKey;
  }

  public ObjectMapper json() {
    return json;
  }

  /** POSTs {@code body} to {@code /api/v1 + path}; retries 429 and 503 as the server asks. */
  public JsonNode post(String path, Object body) {
    try {
      byte[] payload = json.writeValueAsBytes(body);
      for (int attempt = 1; ; attempt++) {
        HttpRequest request =
            HttpRequest.newBuilder(gateway.resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status < 300) {
          return response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
        }
        if ((status == 429 || status == 503) && attempt < ATTEMPTS) {
          long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
          Thread.sleep(Math.min(10, Math.max(1, wait)) * 1000);
          continue;
        }
        throw new IllegalStateException(
            "POST " + path + " answered " + status + ": " + new String(response.body()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("POST " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
