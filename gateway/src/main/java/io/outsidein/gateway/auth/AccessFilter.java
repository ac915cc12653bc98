package io.outsidein.gateway.auth;

import io.outsidein.gateway.ratelimit.RateLimit;
import io.outsidein.kit.problem.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every public operation: who calls (an API key or a person's sign-in token, 401), may they (role,
 * 403), not too often (rate limit, 429). Runs after routing, so unknown routes and wrong methods
 * answer 404 and 405.
 */
public class AccessFilter {
  private static final String DECISION = "outsidein.rate-limit";

  /** How long a caller waits before trying a token again while the issuer cannot be reached. */
  private static final int SIGN_IN_RETRY_SECONDS = 5;

  private static final Logger LOG = Logger.getLogger(AccessFilter.class);

  private final Access access;
  private final RateLimit rateLimit;
  private final CallContext call;

  AccessFilter(Access access, RateLimit rateLimit, CallContext call) {
    this.access = access;
    this.rateLimit = rateLimit;
    this.call = call;
  }

  /**
   * A bearer value shaped like a JWT is a person's token when sign-in is on; anything else is an
   * API key.
   */
  @ServerRequestFilter
  public Uni<Response> authorise(ContainerRequestContext request, ResourceInfo resource) {
    UriInfo uri = request.getUriInfo();
    String bearer = Access.bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (access.isToken(bearer)) {
      return access
          .person(bearer)
          .map(person -> admit(person, request, resource))
          .onFailure(SignIn.Refused.class)
          .recoverWithItem(
              refused ->
                  unauthorized(
                      uri,
                      "Bearer error=\"invalid_token\"",
                      "the sign-in token is not valid: " + refused.getMessage()))
          .onFailure(SignIn.Unavailable.class)
          .recoverWithItem(() -> signInUnavailable(uri));
    }
    Optional<Caller> keyHolder =
        access.keyHolder(bearer, request.getHeaderString(Access.API_KEY_HEADER));
    if (keyHolder.isEmpty()) {
      return Uni.createFrom()
          .item(
              unauthorized(
                  uri,
                  "Bearer",
                  "a valid API key or sign-in token is required: Authorization: Bearer"
                      + " <key or token>, or X-API-Key: <key>"));
    }
    return Uni.createFrom().item(admit(keyHolder.get(), request, resource));
  }

  /** Null to let the call through, or the 403 or 429 answer. */
  private Response admit(Caller caller, ContainerRequestContext request, ResourceInfo resource) {
    UriInfo uri = request.getUriInfo();
    MDC.put("actor", caller.actor());
    call.set(caller, "/" + uri.getPath().replaceFirst("^/", ""));
    Requires requires =
        resource.getResourceMethod() == null
            ? null
            : resource.getResourceMethod().getAnnotation(Requires.class);
    if (requires == null || !caller.may(requires.value())) {
      LOG.infof("refused %s %s to roles %s", request.getMethod(), uri.getPath(), caller.roles());
      return Problems.response(403, "forbidden", "Forbidden", refusal(caller), uri);
    }
    RateLimit.Decision decision = rateLimit.take(caller);
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      Response.ResponseBuilder tooMany =
          Response.fromResponse(
                  Problems.response(
                      429,
                      "too-many-requests",
                      "Too many requests",
                      "the rate limit of this caller is used up; retry after "
                          + decision.retryAfterSeconds()
                          + " s",
                      uri))
              .header("Retry-After", decision.retryAfterSeconds());
      Response response = tooMany.build();
      decision.writeHeaders(response.getHeaders()::putSingle);
      return response;
    }
    return null;
  }

  private static String refusal(Caller caller) {
    List<String> roles = caller.roles().stream().sorted().map(Role::configName).toList();
    return roles.size() == 1
        ? "the role " + roles.get(0) + " may not do this"
        : "none of the roles " + String.join(", ", roles) + " may do this";
  }

  private static Response unauthorized(UriInfo uri, String challenge, String detail) {
    return Response.fromResponse(
            Problems.response(401, "unauthorized", "Unauthorized", detail, uri))
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .build();
  }

  /**
   * 503 rather than 401: the token may well be valid, and a 401 would send every signed-in person
   * back to the identity provider at the moment it is down. Keys keep working meanwhile.
   */
  private static Response signInUnavailable(UriInfo uri) {
    return Response.fromResponse(
            Problems.response(
                503,
                "sign-in-unavailable",
                "Sign-in unavailable",
                "sign-in tokens cannot be checked right now; retry later",
                uri))
        .header("Retry-After", SIGN_IN_RETRY_SECONDS)
        .build();
  }

  @ServerResponseFilter
  public void rateLimitHeaders(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateLimit.Decision decision) {
      decision.writeHeaders(response.getHeaders()::putSingle);
    }
  }
}
