package io.outsidein.gateway.console;

import io.outsidein.gateway.config.GatewayConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;

/**
 * The console's pages are static files (module {@code console}, served from META-INF/resources);
 * this adds what they need from the gateway: {@code /console} leads to the console, {@code
 * /console/config.json} says how people sign in, and every console answer carries headers that keep
 * the page from running or framing anything but its own scripts.
 */
@ApplicationScoped
public class ConsolePages {
  private final String config;
  private final String contentSecurityPolicy;

  ConsolePages(ConsoleConfig console, GatewayConfig gateway) {
    JsonObject answer = new JsonObject();
    JsonArray people = new JsonArray();
    for (String entry : console.demoPeople().orElse(List.of())) {
      String[] parts = entry.split(":", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "outsidein.console.demo-people entries are name:role:key, not " + entry);
      }
      people.add(
          new JsonObject().put("name", parts[0].trim()).put("role", parts[1]).put("key", parts[2]));
    }
    answer.put("demoPeople", people);
    String connect = "'self'";
    if (console.oidc().issuer().isPresent()) {
      String issuer = console.oidc().issuer().get();
      answer.put(
          "oidc",
          new JsonObject()
              .put("issuer", issuer)
              .put("clientId", console.oidc().clientId())
              .put("scope", console.oidc().scope())
              .put("rolesClaim", console.oidc().rolesClaim())
              .put("roleNames", roleNames(gateway)));
      // The browser fetches the provider's discovery document and exchanges the code itself.
      URI uri = URI.create(issuer);
      connect += " " + uri.getScheme() + "://" + uri.getAuthority();
    }
    this.config = answer.encode();
    this.contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
            + " data:; connect-src "
            + connect
            + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  }

  /** The identity provider's role names, each to the role the console shows. */
  private static JsonObject roleNames(GatewayConfig gateway) {
    JsonObject names = new JsonObject();
    gateway
        .signIn()
        .roles()
        .forEach((role, theirs) -> theirs.forEach(name -> names.put(name, role)));
    return names;
  }

  void install(@Observes Router router) {
    router.route("/console*").order(-10).handler(this::protect);
    router.get("/console").order(-9).handler(ConsolePages::toConsole);
    router.get("/console/config.json").order(-9).handler(this::config);
  }

  private void protect(RoutingContext context) {
    context
        .response()
        .putHeader("Content-Security-Policy", contentSecurityPolicy)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cache-Control", "no-cache");
    context.next();
  }

  private void config(RoutingContext context) {
    context
        .response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(config);
  }

  /** Vert.x matches {@code /console/} here too, which the static files serve. */
  private static void toConsole(RoutingContext context) {
    if (context.request().path().equals("/console")) {
      context.response().setStatusCode(302).putHeader("Location", "/console/").end();
    } else {
      context.next();
    }
  }
}
