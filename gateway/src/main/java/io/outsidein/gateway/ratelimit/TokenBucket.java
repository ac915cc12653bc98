package io.outsidein.gateway.ratelimit;

/** A token bucket that refills continuously: {@code capacity} tokens per minute, bursts allowed. */
final class TokenBucket {
  private static final double MILLIS_PER_MINUTE = 60_000.0;
  private final int capacity;
  private final double tokensPerMilli;
  private double tokens;
  private long updatedAt;

  TokenBucket(int capacity, long now) {
    this.capacity = capacity;
    this.tokensPerMilli = capacity / MILLIS_PER_MINUTE;
    this.tokens = capacity;
    this.updatedAt = now;
  }

  synchronized RateLimit.Decision take(long now) {
    if (now > updatedAt) {
      tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerMilli);
      updatedAt = now;
    }
    boolean allowed = tokens >= 1;
    if (allowed) {
      tokens -= 1;
    }
    long untilFull = seconds((capacity - tokens) / tokensPerMilli);
    long untilNext = allowed ? 0 : Math.max(1, seconds((1 - tokens) / tokensPerMilli));
    return new RateLimit.Decision(
        allowed, capacity, (int) Math.floor(tokens), untilFull, untilNext);
  }

  private static long seconds(double millis) {
    return (long) Math.ceil(millis / 1000.0);
  }
}
