package io.outsidein.demo;

/**
 * How much demo data to load, where, with which seed, and whether to plant the test-and-learn story
 * ({@link DemoStory}) on it.
 */
public record DemoOptions(
    String gateway,
    String apiKey,
    int customers,
    int interactions,
    long seed,
    int threads,
    boolean story) {

  public static final DemoOptions DEFAULTS =
      new DemoOptions("http://localhost:8080", "local-admin-key", 2_000, 50_000, 42, 8, true);

  /** Reads {@code --name value} pairs over the defaults; unknown names are refused. */
  public static DemoOptions parse(String... args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
    }
    String gateway = DEFAULTS.gateway;
    String apiKey = DEFAULTS.apiKey;
    int customers = DEFAULTS.customers;
    int interactions = DEFAULTS.interactions;
    long seed = DEFAULTS.seed;
    int threads = DEFAULTS.threads;
    boolean story = DEFAULTS.story;
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--gateway" -> gateway = value;
        case "--key" -> apiKey = value;
        case "--customers" -> customers = Integer.parseInt(value);
        case "--interactions" -> interactions = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--story" -> story = Boolean.parseBoolean(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --gateway, --key, --customers, --interactions, --seed, --threads,"
                    + " --story");
      }
    }
    return new DemoOptions(gateway, apiKey, customers, interactions, seed, threads, story);
  }
}
