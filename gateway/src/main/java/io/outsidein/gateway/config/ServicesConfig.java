package io.outsidein.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the internal services are and how long the gateway waits for them. */
@ConfigMapping(prefix = "outsidein.services")
public interface ServicesConfig {

  /** {@code outsidein.services.customer.url}: customer-service. */
  Service customer();

  /** {@code outsidein.services.interaction.url}: interaction-service. */
  Service interaction();

  /** {@code outsidein.services.insight.url}: insight-service. */
  Service insight();

  /** {@code outsidein.services.timeout}: the most a forwarded call may take. */
  @WithDefault("5s")
  Duration timeout();

  /** {@code outsidein.services.connect-timeout}: connecting to a service. */
  @WithDefault("1s")
  Duration connectTimeout();

  /**
   * {@code outsidein.services.connections-per-service}: pooled connections to each service from
   * each of the gateway's event loops; more requests than this on one loop wait for a free one.
   */
  @WithDefault("64")
  int connectionsPerService();

  interface Service {
    URI url();
  }
}
