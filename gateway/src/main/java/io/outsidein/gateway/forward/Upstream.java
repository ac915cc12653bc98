package io.outsidein.gateway.forward;

import io.outsidein.gateway.config.ServicesConfig;
import java.net.URI;

/** The internal services behind the public API. */
public enum Upstream {
  CUSTOMER,
  INTERACTION,
  INSIGHT;

  URI baseUrl(ServicesConfig config) {
    return switch (this) {
      case CUSTOMER -> config.customer().url();
      case INTERACTION -> config.interaction().url();
      case INSIGHT -> config.insight().url();
    };
  }

  /** The service's name, as it names itself in traces and logs. */
  String serviceName() {
    return name().toLowerCase(java.util.Locale.ROOT) + "-service";
  }
}
