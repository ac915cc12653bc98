package io.outsidein.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.outsidein.client.api.ActionsApi;
import io.outsidein.client.api.AdminApi;
import io.outsidein.client.api.CasesApi;
import io.outsidein.client.api.CustomersApi;
import io.outsidein.client.api.ExperimentsApi;
import io.outsidein.client.api.GesturesApi;
import io.outsidein.client.api.InsightsApi;
import io.outsidein.client.api.InteractionsApi;
import io.outsidein.client.api.PoliciesApi;
import io.outsidein.client.model.Problem;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * The generated operations of one gateway, called with one API key: {@code
 * OutsideIn.connect("http://localhost:8080", key).customers().getCustomer(id)}.
 */
public record OutsideIn(
    CustomersApi customers,
    InteractionsApi interactions,
    CasesApi cases,
    GesturesApi gestures,
    InsightsApi insights,
    PoliciesApi policies,
    ActionsApi actions,
    ExperimentsApi experiments,
    AdminApi admin) {

  /** The public API's path on a gateway, as the document's relative server says. */
  public static final String BASE_PATH = "/api/v1";

  /** Every operation of the gateway at {@code gatewayUrl} (with or without /api/v1). */
  public static OutsideIn connect(String gatewayUrl, String apiKey) {
    return of(apiClient(gatewayUrl, apiKey, null));
  }

  public static OutsideIn of(ApiClient client) {
    return new OutsideIn(
        new CustomersApi(client),
        new InteractionsApi(client),
        new CasesApi(client),
        new GesturesApi(client),
        new InsightsApi(client),
        new PoliciesApi(client),
        new ActionsApi(client),
        new ExperimentsApi(client),
        new AdminApi(client));
  }

  /**
   * A client that sends {@code apiKey} as a bearer token and, when {@code requestId} is not null,
   * that request id on every call (per call, pass {@code X-Request-Id} in an operation's headers).
   */
  public static ApiClient apiClient(String gatewayUrl, String apiKey, String requestId) {
    ApiClient client = new ApiClient();
    // HTTP/1.1 as every caller of the gateway speaks it: no h2c upgrade attempt on a first POST.
    client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    client.updateBaseUri(baseUri(gatewayUrl));
    client.setConnectTimeout(Duration.ofSeconds(5));
    client.setReadTimeout(Duration.ofSeconds(30));
    client.setRequestInterceptor(
        request -> {
          request.header("Authorization", "Bearer " + apiKey);
          if (requestId != null) {
            request.header("X-Request-Id", requestId);
          }
        });
    return client;
  }

  /** The RFC 9457 problem a failed call answered, if its body is one. */
  public static Optional<Problem> problem(ApiException failure) {
    String body = failure.getResponseBody();
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ApiClient.createDefaultObjectMapper().readValue(body, Problem.class));
    } catch (JsonProcessingException notAProblem) {
      return Optional.empty();
    }
  }

  static String baseUri(String gatewayUrl) {
    String url =
        gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
    return url.endsWith(BASE_PATH) ? url : url + BASE_PATH;
  }
}
