package io.outsidein.gateway.routes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.outsidein.gateway.auth.Access;
import io.outsidein.gateway.auth.Caller;
import io.outsidein.gateway.auth.Permission;
import io.outsidein.gateway.auth.Requires;
import io.outsidein.gateway.forward.Forwarder;
import io.outsidein.gateway.forward.Outbound;
import io.outsidein.gateway.forward.PublicAnswer;
import io.outsidein.gateway.forward.PublicProblems;
import io.outsidein.gateway.forward.Upstream;
import io.outsidein.gateway.http.BodyReader;
import io.outsidein.gateway.ratelimit.RateLimit;
import io.outsidein.kit.requestid.RequestId;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Forwards the public operations on a plain Vert.x route, on the event loop, with the body passed
 * through as the buffer it came in: no JAX-RS dispatch, filters, CDI request context or {@code
 * Response} per call, which the profile of a forwarded GET found to be a third of the gateway's CPU
 * (bench/README.md).
 *
 * <p>The operations are read at start-up from the JAX-RS route classes (path, method, {@link
 * Requires}, {@link Consumes}, whether they take a body or the query, {@link ForwardedTo}), so the
 * permission of each is still stated once. Only an admitted, well-formed call is forwarded here: a
 * call this route would refuse (no or an unknown credential, a role without the permission, an
 * empty bucket) or that is out of the ordinary (an id not in canonical form, an escaped path or
 * query, a content type or Accept header with parameters, no body) goes on to the JAX-RS resource,
 * which answers it exactly as before.
 */
@ApplicationScoped
public class ForwardingRouter {
  /** The REST layer's handler comes after this; the body reader and request gate before it. */
  private static final int ORDER =
      io.quarkus.vertx.http.runtime.RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

  /** After CORS (order -300), before authentication (-200): Quarkus orders filters by -priority. */
  private static final int BEFORE_SECURITY =
      -(SecurityHandlerPriorities.CORS + SecurityHandlerPriorities.AUTHENTICATION) / 2;

  /** The key under which Quarkus' metrics and traces find the route's template. */
  private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

  private static final String DECLINED = "outsidein.forwarding-declined";

  private static final String PREFIX = Forwarder.PUBLIC_PREFIX;
  private static final Logger LOG = Logger.getLogger(ForwardingRouter.class);
  private static final Pattern CHARSET = Pattern.compile(" *(?i:charset)=[A-Za-z0-9._-]{1,40} *");

  private final Forwarder forwarder;
  private final Access access;
  private final RateLimit rateLimit;
  private final List<Operation> operations;
  private final LongAdder forwarded = new LongAdder();

  ForwardingRouter(
      Forwarder forwarder,
      Access access,
      RateLimit rateLimit,
      BeanManager beans,
      MeterRegistry registry) {
    this.forwarder = forwarder;
    this.access = access;
    this.rateLimit = rateLimit;
    this.operations =
        operationsOf(
            beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .<Class<?>>map(bean -> bean.getBeanClass())
                .distinct()
                .toList());
    // How many calls took this way; the rest of http_server_requests went the JAX-RS way.
    FunctionCounter.builder("outsidein.gateway.forwarded.on.loop", forwarded, LongAdder::sum)
        .description("Calls forwarded by the route on the event loop rather than by JAX-RS")
        .register(registry);
  }

  void install(@Observes Router router) {
    // A call without a body is taken before Quarkus' security and observability filters, which
    // this route has no use for and which match every path against the REST layer's templates
    // (5% of the gateway's CPU per forwarded GET); CORS, when on, still runs first.
    router
        .route(PREFIX + "/*")
        .order(BEFORE_SECURITY)
        .handler(
            context -> {
              if (BodyReader.carriesABody(context.request())) {
                context.next();
              } else {
                forward(context);
              }
            });
    // A call with a body, once BodyReader has read it.
    router.route(PREFIX + "/*").order(ORDER).handler(this::forward);
  }

  /** The operations forwarded here, read from the JAX-RS route classes. */
  public List<Operation> operations() {
    return operations;
  }

  /**
   * One forwarded operation.
   *
   * @param segments the public path's segments after the leading slash; {@code null} where the
   *     segment is an id
   * @param consumes the content types the operation takes; empty for any
   * @param takesBody whether the caller's body goes along (and must not be empty)
   * @param passesQuery whether the caller's query string goes along
   */
  public record Operation(
      String method,
      String template,
      String[] segments,
      Permission permission,
      Upstream upstream,
      List<String> consumes,
      boolean takesBody,
      boolean passesQuery) {

    /** The service's path for these public segments, or null when they are not this operation's. */
    String internalPath(String[] path) {
      if (path.length != segments.length) {
        return null;
      }
      StringBuilder internal = new StringBuilder(64);
      // segments[0..1] are "api" and "v1", the public prefix.
      for (int i = 2; i < path.length; i++) {
        String segment = path[i];
        if (segments[i] == null) {
          if (!isCanonicalUuid(segment)) {
            return null;
          }
          // As UUID#toString writes the id the JAX-RS resources are given.
          segment = segment.toLowerCase(Locale.ROOT);
        } else if (!segments[i].equals(segment)) {
          return null;
        }
        internal.append('/').append(segment);
      }
      return internal.toString();
    }
  }

  static List<Operation> operationsOf(List<Class<?>> classes) {
    List<Operation> found = new ArrayList<>();
    for (Class<?> type : classes) {
      Path root = type.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        String verb = httpMethod(method);
        Requires requires = method.getAnnotation(Requires.class);
        ForwardedTo upstream =
            method.isAnnotationPresent(ForwardedTo.class)
                ? method.getAnnotation(ForwardedTo.class)
                : type.getAnnotation(ForwardedTo.class);
        if (verb == null || requires == null || upstream == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String template = root.value() + (sub == null ? "" : sub.value());
        List<Class<?>> parameters = Arrays.asList(method.getParameterTypes());
        Consumes consumes = method.getAnnotation(Consumes.class);
        found.add(
            new Operation(
                verb,
                template,
                Stream.of(template.substring(1).split("/"))
                    .map(segment -> segment.startsWith("{") ? null : segment)
                    .toArray(String[]::new),
                requires.value(),
                upstream.value(),
                consumes == null ? List.of() : List.of(consumes.value()),
                parameters.contains(byte[].class),
                parameters.contains(UriInfo.class)));
      }
    }
    return List.copyOf(found);
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  private void forward(RoutingContext context) {
    if (context.get(DECLINED) != null) {
      context.next(); // the early route already left this call to the REST layer
      return;
    }
    HttpServerRequest request = context.request();
    String path = request.path();
    String[] segments = path.indexOf('%') < 0 ? path.substring(1).split("/", -1) : null;
    String method = request.method().name();
    Operation operation = null;
    String internalPath = null;
    if (segments != null) {
      for (Operation candidate : operations) {
        if (candidate.method().equals(method)) {
          internalPath = candidate.internalPath(segments);
          if (internalPath != null) {
            operation = candidate;
            break;
          }
        }
      }
    }
    if (operation == null || !ordinary(operation, request, context)) {
      decline(context);
      return;
    }
    String bearer = Access.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
    String query = request.query();
    String target =
        operation.passesQuery() && query != null ? internalPath + "?" + query : internalPath;
    if (access.isToken(bearer)) {
      Operation admitted = operation;
      Context loop = Vertx.currentContext();
      access
          .person(bearer)
          .subscribe()
          .with(
              person -> onLoop(loop, () -> admit(context, admitted, target, person)),
              // Refused, or the issuer out of reach: the JAX-RS way answers 401 or 503.
              failure -> onLoop(loop, () -> decline(context)));
      return;
    }
    Caller caller = access.keyHolder(bearer, request.getHeader(Access.API_KEY_HEADER)).orElse(null);
    if (caller == null) {
      decline(context);
      return;
    }
    admit(context, operation, target, caller);
  }

  /** Leaves the call to the REST layer, once: the later route does not weigh it again. */
  private static void decline(RoutingContext context) {
    context.put(DECLINED, Boolean.TRUE);
    context.next();
  }

  private static void onLoop(Context loop, Runnable work) {
    if (loop == null || (Vertx.currentContext() == loop && Context.isOnEventLoopThread())) {
      work.run();
    } else {
      loop.runOnContext(ignored -> work.run());
    }
  }

  private void admit(RoutingContext context, Operation operation, String target, Caller caller) {
    if (!caller.may(operation.permission())) {
      decline(context);
      return;
    }
    RateLimit.Decision decision = rateLimit.take(caller);
    if (!decision.allowed()) {
      decline(context);
      return;
    }
    forwarded.increment();
    HttpServerRequest request = context.request();
    String requestId = RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
    RequestId.set(requestId);
    MDC.put("actor", caller.actor());
    ((HttpServerRequestInternal) request)
        .context()
        .putLocal(URL_PATH_TEMPLATE, operation.template());
    Outbound outbound =
        new Outbound(
            requestId, caller.actor(), request.path(), io.opentelemetry.context.Context.current());
    Buffer body = operation.takesBody() ? context.body().buffer() : null;
    MultiMap headers = request.headers();
    forwarder
        .answer(operation.upstream(), operation.method(), target, body, joined(headers), outbound)
        .onComplete(
            answered -> {
              PublicAnswer answer = answered.result();
              if (answered.failed()) {
                LOG.error("unexpected failure", answered.cause());
                answer = PublicProblems.internalError(outbound.publicPath());
              }
              write(context.response(), answer, decision, requestId);
            });
  }

  /** A header's values joined with commas, as JAX-RS's {@code getHeaderString} gives them. */
  private static UnaryOperator<String> joined(MultiMap headers) {
    return name -> {
      List<String> values = headers.getAll(name);
      return values.isEmpty()
          ? null
          : values.size() == 1 ? values.get(0) : String.join(",", values);
    };
  }

  private static void write(
      HttpServerResponse response, PublicAnswer answer, RateLimit.Decision decision, String id) {
    if (response.ended() || response.closed()) {
      return; // the caller left
    }
    MultiMap headers = response.headers();
    decision.writeHeaders(headers::set);
    headers.set(RequestId.HEADER, id);
    answer.writeTo(response);
  }

  /**
   * Whether the JAX-RS resource would take this call to its method without a word: a query it need
   * not check for text the database refuses, a content type it consumes and a body, an Accept
   * header it can satisfy. Anything else goes the JAX-RS way.
   */
  private static boolean ordinary(
      Operation operation, HttpServerRequest request, RoutingContext context) {
    String query = request.query();
    if (query != null && (query.isEmpty() || query.indexOf('%') >= 0)) {
      return false;
    }
    if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
      return false;
    }
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (!operation.consumes().isEmpty()
        && (type == null
            || operation.consumes().stream().noneMatch(consumed -> isType(type, consumed)))) {
      return false;
    }
    return !operation.takesBody()
        || context.body() != null
            && context.body().buffer() != null
            && context.body().buffer().length() > 0;
  }

  /** Exactly this media type, with at most a charset as its one parameter. */
  private static boolean isType(String header, String type) {
    int parameters = header.indexOf(';');
    if (parameters < 0) {
      return header.strip().equalsIgnoreCase(type);
    }
    return header.substring(0, parameters).strip().equalsIgnoreCase(type)
        && CHARSET.matcher(header.substring(parameters + 1)).matches();
  }

  private static boolean acceptsJson(String accept) {
    if (accept == null) {
      return true;
    }
    boolean json = false;
    for (String range : accept.split(",")) {
      String value = range.strip();
      if (value.indexOf(';') >= 0) {
        return false; // a quality or parameter: the REST layer's negotiation decides
      }
      json |=
          value.equalsIgnoreCase("application/json")
              || value.equals("*/*")
              || value.equalsIgnoreCase("application/*");
    }
    return json;
  }

  /** The canonical form the JAX-RS resources accept (service-kit's UuidParameters). */
  static boolean isCanonicalUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (dash ? c != '-' : !hex) {
        return false;
      }
    }
    return true;
  }
}
