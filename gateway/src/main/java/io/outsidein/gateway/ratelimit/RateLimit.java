package io.outsidein.gateway.ratelimit;

import io.outsidein.gateway.auth.Caller;
import io.outsidein.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** One token bucket per API key or signed-in person, sized by the caller's most generous role. */
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

  /** Takes one token from the caller's bucket. */
  public Decision take(Caller caller) {
    return buckets
        .computeIfAbsent(
            caller.rateLimitKey(), k -> new TokenBucket(limitOf(caller), clock.millis()))
        .take(clock.millis());
  }

  private int limitOf(Caller caller) {
    return caller.roles().stream()
        .mapToInt(
            role ->
                config
                    .requestsPerMinute()
                    .getOrDefault(role.configName(), config.defaultRequestsPerMinute()))
        .max()
        .orElse(config.defaultRequestsPerMinute());
  }

  /** The outcome of one request against a bucket, with the numbers the RateLimit headers show. */
  public record Decision(
      boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {

    /** Sets the three headers, with {@code set} replacing any value a header had. */
    public void writeHeaders(BiConsumer<String, String> set) {
      set.accept(LIMIT, Integer.toString(limit));
      set.accept(REMAINING, Integer.toString(remaining));
      set.accept(RESET, Long.toString(resetSeconds));
    }
  }
}
