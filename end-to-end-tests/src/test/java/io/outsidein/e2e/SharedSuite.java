package io.outsidein.e2e;

import io.outsidein.launcher.Suite;
import io.outsidein.testing.StubIssuer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One suite for every test class that only reads and writes through the public API: started by the
 * first class that asks for it, stopped when the whole test run ends; every class works with
 * customers, segments and experiments of its own. The fault drills, which stop, kill or reconfigure
 * services, start their own with {@link RunningSuite}. People sign in to its gateway with tokens of
 * a {@link StubIssuer}, and its services send the traces of sampled calls to a {@link
 * TraceCollector}; a test gets either as a parameter too.
 */
public final class SharedSuite implements ParameterResolver {
  /**
   * The supervisors' bucket is small so that a test can reach 429; nothing else in the shared suite
   * calls as a supervisor more than a few times.
   */
  static final int SUPERVISOR_REQUESTS_PER_MINUTE = 60;

  /**
   * Actions are followed for 20 seconds, not 30 days, and ended windows are closed every 2 seconds,
   * so that a test sees an action's outcome (ActionOutcomesIT); customers are enrolled in
   * experiments every 2 seconds too (ExperimentIT).
   */
  static final String OUTCOME_WINDOW = "PT20S";

  private static Map<String, String> environment(StubIssuer issuer, TraceCollector collector) {
    Map<String, String> environment = new HashMap<>(collector.serviceEnvironment());
    // Only calls whose caller sampled a trace are traced (TracingIT's); the others cost nothing.
    environment.put("QUARKUS_OTEL_TRACES_SAMPLER", "parentbased_traceidratio");
    environment.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.0");
    environment.putAll(
        Map.of(
            "_LOCAL_OUTSIDEIN_GATEWAY_RATE_LIMIT_REQUESTS_PER_MINUTE_SUPERVISOR",
            String.valueOf(SUPERVISOR_REQUESTS_PER_MINUTE),
            "OUTSIDEIN_GATEWAY_SIGN_IN_ISSUER",
            issuer.url(),
            "OUTSIDEIN_INSIGHT_OUTCOME_WINDOW",
            OUTCOME_WINDOW,
            "OUTSIDEIN_INSIGHT_OUTCOME_CHECK_EVERY",
            "PT2S",
            "OUTSIDEIN_INSIGHT_EXPERIMENT_ENROL_EVERY",
            "PT2S"));
    return environment;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Suite.class || type == StubIssuer.class || type == TraceCollector.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(SharedSuite.class))
            .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == StubIssuer.class) {
      return running.issuer;
    }
    return type == TraceCollector.class ? running.collector : running.suite;
  }

  /** Closed by JUnit with the root context, after the last test class. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    private final StubIssuer issuer = StubIssuer.start();
    private final TraceCollector collector = TraceCollector.start();
    private final Suite suite = RunningSuite.start(environment(issuer, collector));

    @Override
    public void close() {
      suite.close();
      collector.close();
      issuer.close();
    }
  }
}
