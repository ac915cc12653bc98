package io.outsidein.demo;

/** How much demo data to load, where, and with which seed. */
public record DemoOptions(
    String gateway, String apiKey, int customers, int interactions, long seed, int threads) {

  public static final DemoOptions DEFAULTS =
      new DemoOptions("http://localhost:8080", "local-admin-key", 2_000, 50_000, 42, 8);

  /** Reads {@code --name value} pairs over the defaults; unknown names are refused. */
  public static DemoOptions parse(String... args) {
    DemoOptions o = DEFAULTS;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      o =
          switch (args[i]) {
            case "--gateway" ->
                new DemoOptions(value, o.apiKey, o.customers, o.interactions, o.seed, o.threads);
            case "--key" ->
                new DemoOptions(o.gateway, value, o.customers, o.interactions, o.seed, o.threads);
            case "--customers" ->
                new DemoOptions(
                    o.gateway,
                    o.apiKey,
                    Integer.parseInt(value),
                    o.interactions,
                    o.seed,
                    o.threads);
            case "--interactions" ->
                new DemoOptions(
                    o.gateway, o.apiKey, o.customers, Integer.parseInt(value), o.seed, o.threads);
            case "--seed" ->
                new DemoOptions(
                    o.gateway,
                    o.apiKey,
                    o.customers,
                    o.interactions,
                    Long.parseLong(value),
                    o.threads);
            case "--threads" ->
                new DemoOptions(
                    o.gateway,
                    o.apiKey,
                    o.customers,
                    o.interactions,
                    o.seed,
                    Integer.parseInt(value));
            default ->
                throw new IllegalArgumentException(
                    "unknown option "
                        + args[i]
                        + "; use --gateway, --key, --customers, --interactions, --seed, --threads");
          };
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
    }
    return o;
  }
}
