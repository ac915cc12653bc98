package io.outsidein.gateway.ratelimit;

import io.outsidein.gateway.auth.Client;
import io.outsidein.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per API key, sized by the key's role. */
@ApplicationScoped
public class RateLimit {
  public static final String LIMIT = "RateLimit-Limit";
  public static final String REMAINING = "RateLimit-Remaining";
  public static final String RESET = "RateLimit-Reset";

  private final GatewayConfig.RateLimit config;
  private final Clock clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  RateLimit(GatewayConfig config, Clock clock) {
    this.config = config.rateLimit();
    this.clock = clock;
  }

  /** Takes one token from the client's bucket. */
  public Decision take(Client client) {
    return buckets
        .computeIfAbsent(client.keyHash(), k -> new TokenBucket(limitOf(client), clock.millis()))
        .take(clock.millis());
  }

  private int limitOf(Client client) {
    return config
        .requestsPerMinute()
        .getOrDefault(client.role().configName(), config.defaultRequestsPerMinute());
  }

  /** The outcome of one request against a bucket, with the numbers the RateLimit headers show. */
  public record Decision(
      boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {

    public void writeHeaders(MultivaluedMap<String, Object> headers) {
      headers.putSingle(LIMIT, limit);
      headers.putSingle(REMAINING, remaining);
      headers.putSingle(RESET, resetSeconds);
    }
  }
}
