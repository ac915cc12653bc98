package io.outsidein.interaction.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Fixture: customers as the fake customer-service will describe them. */
public final class Customers {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Customers() {}

  public static UUID active() {
    return active("general");
  }

  public static UUID active(String segment) {
    UUID id = UUID.randomUUID();
    answer(
        id,
        200,
        "{\"id\":\""
            + id
            + "\",\"status\":\"ACTIVE\",\"segment\":\""
            + segment
            + "\",\"displayName\":\"Ada\",\"email\":\"ada@example.com\"}");
    return id;
  }

  public static UUID mergedInto(UUID survivor) {
    UUID id = UUID.randomUUID();
    answer(
        id,
        200,
        "{\"id\":\""
            + id
            + "\",\"status\":\"MERGED\",\"segment\":\"general\","
            + "\"mergedInto\":\""
            + survivor
            + "\"}");
    return id;
  }

  public static UUID erased() {
    UUID id = UUID.randomUUID();
    answer(id, 410, "{\"status\":410,\"title\":\"Gone\"}");
    return id;
  }

  /** How often interaction-service asked customer-service about this id. */
  public static int lookups(UUID id) {
    return Integer.parseInt(send(HttpRequest.newBuilder(uri("/calls/" + id)).GET().build()));
  }

  private static void answer(UUID id, int status, String json) {
    send(
        HttpRequest.newBuilder(uri("/customers/" + id))
            .PUT(HttpRequest.BodyPublishers.ofString(status + "\n" + json))
            .build());
  }

  private static URI uri(String path) {
    return URI.create(
        ConfigProvider.getConfig()
                .getValue("quarkus.rest-client.customer-service.url", String.class)
            + path);
  }

  private static String send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      throw new IllegalStateException("fake customer-service unreachable", e);
    }
  }
}
