package io.outsidein.gateway.auth;

import io.outsidein.gateway.ratelimit.RateLimit;
import io.outsidein.kit.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every public operation: who calls (API key, 401), may they (role, 403), not too often (rate
 * limit, 429). Runs after routing, so unknown routes and wrong methods answer 404 and 405.
 */
public class AccessFilter {
  public static final String API_KEY_HEADER = "X-API-Key";
  private static final String DECISION = "outsidein.rate-limit";
  private static final String BEARER = "Bearer ";
  private static final Logger LOG = Logger.getLogger(AccessFilter.class);

  private final ApiKeys keys;
  private final RateLimit rateLimit;
  private final CallContext call;

  AccessFilter(ApiKeys keys, RateLimit rateLimit, CallContext call) {
    this.keys = keys;
    this.rateLimit = rateLimit;
    this.call = call;
  }

  @ServerRequestFilter
  public Response authorise(ContainerRequestContext request, ResourceInfo resource) {
    UriInfo uri = request.getUriInfo();
    Optional<Client> client = keys.find(presentedKey(request));
    if (client.isEmpty()) {
      return Response.fromResponse(
              Problems.response(
                  401,
                  "unauthorized",
                  "Unauthorized",
                  "a valid API key is required: Authorization: Bearer <key> or X-API-Key",
                  uri))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .build();
    }
    MDC.put("actor", client.get().name());
    call.set(client.get(), "/" + uri.getPath().replaceFirst("^/", ""));
    Requires requires =
        resource.getResourceMethod() == null
            ? null
            : resource.getResourceMethod().getAnnotation(Requires.class);
    if (requires == null || !requires.value().grantedTo(client.get().role())) {
      LOG.infof(
          "refused %s %s to role %s", request.getMethod(), uri.getPath(), client.get().role());
      return Problems.response(
          403,
          "forbidden",
          "Forbidden",
          "the role " + client.get().role().configName() + " may not do this",
          uri);
    }
    RateLimit.Decision decision = rateLimit.take(client.get());
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      Response.ResponseBuilder tooMany =
          Response.fromResponse(
                  Problems.response(
                      429,
                      "too-many-requests",
                      "Too many requests",
                      "the rate limit of this API key is used up; retry after "
                          + decision.retryAfterSeconds()
                          + " s",
                      uri))
              .header("Retry-After", decision.retryAfterSeconds());
      Response response = tooMany.build();
      decision.writeHeaders(response.getHeaders());
      return response;
    }
    return null;
  }

  @ServerResponseFilter
  public void rateLimitHeaders(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimit.Decision decision) {
      decision.writeHeaders(response.getHeaders());
    }
  }

  private static String presentedKey(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length());
    }
    return request.getHeaderString(API_KEY_HEADER);
  }
}
