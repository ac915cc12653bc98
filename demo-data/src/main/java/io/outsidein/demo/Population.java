package io.outsidein.demo;

import io.outsidein.demo.Plan.PlannedCase;
import io.outsidein.demo.Plan.PlannedInteraction;
import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Rating;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a deterministic population for a seed: customers in four segments, each with a persona,
 * a rhythm of touchpoints over the last 180 days, cases that cross departments, ratings, sentiment
 * and goodwill gestures.
 */
public final class Population {
  public static final List<String> SEGMENTS =
      List.of("consumer", "smb", "enterprise", "public-sector");
  private static final String[] FIRST = {
    "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Linus", "Frances", "Ken",
    "Radia", "Tim", "Hedy", "Dennis", "Katherine", "John", "Shafi", "Leslie", "Sophie", "Niklaus"
  };
  private static final String[] LAST = {
    "Lovelace",
    "Hopper",
    "Turing",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Hamilton",
    "Torvalds",
    "Allen",
    "Thompson",
    "Perlman",
    "Berners-Lee",
    "Lamarr",
    "Ritchie",
    "Johnson",
    "Backus",
    "Goldwasser",
    "Lamport",
    "Wilson",
    "Wirth"
  };
  private static final List<List<Department>> BOUNCING_PATHS =
      List.of(
          List.of(Department.SALES, Department.DELIVERY, Department.SUPPORT),
          List.of(Department.BILLING, Department.SUPPORT, Department.BILLING),
          List.of(Department.SUPPORT, Department.PRODUCT, Department.SUPPORT, Department.DELIVERY),
          List.of(Department.DELIVERY, Department.SUPPORT, Department.BILLING));
  private static final Duration HISTORY = Duration.ofDays(180);

  private final Random random;
  private final Instant now;

  public Population(long seed, Instant now) {
    this.random = new Random(seed);
    this.now = now;
  }

  /**
   * Plans {@code customers} customers with about {@code interactions} touchpoints in all. The run
   * tag makes emails unique so that the same seed can be loaded twice into one suite.
   */
  public List<Plan> generate(int customers, int interactions, String runTag) {
    double perCustomer = Math.max(1, (double) interactions / customers);
    List<Plan> plans = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      Persona persona = pickPersona();
      String segment = SEGMENTS.get(random.nextInt(SEGMENTS.size()));
      String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      String email = "demo-" + runTag + "-" + i + "@example.com";
      plans.add(plan(i, persona, segment, name, email, perCustomer));
    }
    return plans;
  }

  private Plan plan(
      int number, Persona persona, String segment, String name, String email, double mean) {
    List<PlannedCase> cases = new ArrayList<>();
    List<PlannedInteraction> touchpoints = new ArrayList<>();
    int count =
        (int)
            Math.max(
                2, Math.round(mean * volumeFactor(persona) * (0.6 + 0.8 * random.nextDouble())));
    Instant start =
        switch (persona) {
          case NEW -> now.minus(Duration.ofDays(5 + random.nextInt(20)));
          default -> now.minus(HISTORY).plus(Duration.ofDays(random.nextInt(20)));
        };
    Instant end =
        switch (persona) {
          // Silent churners stopped two to four months ago.
          case SILENT_CHURNER -> now.minus(Duration.ofDays(60 + random.nextInt(60)));
          default -> now.minus(Duration.ofHours(1 + random.nextInt(72)));
        };
    long span = Math.max(1, Duration.between(start, end).toSeconds());
    for (int k = 0; k < count; k++) {
      // The last touchpoint marks where the persona's activity ends.
      Instant at =
          k == count - 1
              ? end
              : start.plusSeconds((long) (span * ((k + random.nextDouble()) / count)));
      touchpoints.add(routine(persona, at));
    }
    switch (persona) {
      case FRUSTRATED -> {
        addProblem(cases, touchpoints, end.minus(Duration.ofDays(random.nextInt(10))), true, false);
        if (random.nextBoolean()) {
          addProblem(
              cases,
              touchpoints,
              end.minus(Duration.ofDays(20 + random.nextInt(30))),
              true,
              random.nextBoolean());
        }
      }
      // The bad experience right before the silence.
      case SILENT_CHURNER ->
          addProblem(cases, touchpoints, end, random.nextDouble() < 0.7, random.nextBoolean());
      case LOYAL -> {
        if (random.nextDouble() < 0.3) {
          addProblem(
              cases,
              touchpoints,
              start.plus(Duration.ofDays(30 + random.nextInt(90))),
              false,
              true);
        }
      }
      default -> {}
    }
    touchpoints.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
    return new Plan(number, persona, segment, name, email, cases, touchpoints);
  }

  private double volumeFactor(Persona persona) {
    return switch (persona) {
      case PROMOTER -> 1.4;
      case NEW -> 0.3;
      case SILENT_CHURNER -> 0.8;
      default -> 1.0;
    };
  }

  private PlannedInteraction routine(Persona persona, Instant at) {
    double roll = random.nextDouble();
    InteractionType type =
        roll < 0.5
            ? InteractionType.VISIT
            : roll < 0.75
                ? InteractionType.PURCHASE
                : roll < 0.9 ? InteractionType.INQUIRY : InteractionType.FEEDBACK;
    Channel channel =
        switch (type) {
          case VISIT -> random.nextBoolean() ? Channel.WEB : Channel.APP;
          case PURCHASE -> pick(Channel.WEB, Channel.STORE, Channel.APP);
          case INQUIRY -> pick(Channel.EMAIL, Channel.CHAT, Channel.PHONE);
          default -> Channel.SURVEY;
        };
    Department department =
        switch (type) {
          case VISIT -> Department.MARKETING;
          case PURCHASE -> Department.SALES;
          case INQUIRY -> pick(Department.SALES, Department.SUPPORT, Department.BILLING);
          default -> Department.PRODUCT;
        };
    Rating rating = null;
    Double sentiment = null;
    if (type == InteractionType.FEEDBACK) {
      rating = random.nextBoolean() ? npsAnswer(persona) : csatAnswer(persona);
      sentiment =
          persona == Persona.FRUSTRATED
              ? -0.3 - 0.6 * random.nextDouble()
              : 0.2 + 0.7 * random.nextDouble();
    }
    BigDecimal amount =
        type == InteractionType.PURCHASE
            ? BigDecimal.valueOf(5 + random.nextInt(495))
                .add(BigDecimal.valueOf(random.nextInt(100), 2))
            : null;
    return new PlannedInteraction(
        at, channel, department, type, summaryOf(type), -1, rating, sentiment, amount);
  }

  /** How likely to recommend us, 0-10, as the persona would answer. */
  private Rating npsAnswer(Persona persona) {
    int score =
        switch (persona) {
          case PROMOTER -> 9 + random.nextInt(2);
          case FRUSTRATED -> random.nextInt(5);
          case LOYAL -> 7 + random.nextInt(3);
          default -> 5 + random.nextInt(5);
        };
    return new Rating(Rating.Scale.NPS, score);
  }

  /** Satisfaction, 1-5, as the persona would answer. */
  private Rating csatAnswer(Persona persona) {
    int score =
        switch (persona) {
          case PROMOTER -> 5;
          case FRUSTRATED -> 1 + random.nextInt(2);
          default -> 3 + random.nextInt(3);
        };
    return new Rating(Rating.Scale.CSAT, score);
  }

  /** A problem: a complaint opens a case that may bounce, be resolved, and get a gesture. */
  private void addProblem(
      List<PlannedCase> cases,
      List<PlannedInteraction> touchpoints,
      Instant at,
      boolean bounce,
      boolean resolved) {
    List<Department> path =
        bounce
            ? BOUNCING_PATHS.get(random.nextInt(BOUNCING_PATHS.size()))
            : List.of(pick(Department.SUPPORT, Department.DELIVERY, Department.BILLING));
    BigDecimal gesture =
        random.nextDouble() < 0.5
            ? BigDecimal.valueOf(
                    random.nextDouble() < 0.8 ? 5 + random.nextInt(21) : 30 + random.nextInt(70))
                .setScale(2, RoundingMode.UNNECESSARY)
            : null;
    // The whole problem, follow-ups and survey included, must lie in the past.
    Duration length = Duration.ofHours(6L * path.size() + 3);
    if (at.plus(length).isAfter(now)) {
      at = now.minus(length);
    }
    int caseIndex = cases.size();
    cases.add(
        new PlannedCase(
            "Problem with order " + (1000 + random.nextInt(9000)), path, resolved, gesture));
    for (int i = 0; i < path.size(); i++) {
      touchpoints.add(
          new PlannedInteraction(
              at.plus(Duration.ofHours(6L * i)),
              i == 0 ? Channel.PHONE : pick(Channel.PHONE, Channel.EMAIL, Channel.CHAT),
              path.get(i),
              i == 0 ? InteractionType.COMPLAINT : InteractionType.INQUIRY,
              i == 0 ? "Complaint about an order" : "Follow-up on the open case",
              caseIndex,
              null,
              -0.4 - 0.5 * random.nextDouble(),
              null));
    }
    if (resolved) {
      touchpoints.add(
          new PlannedInteraction(
              at.plus(Duration.ofHours(6L * path.size() + 2)),
              Channel.SURVEY,
              path.get(path.size() - 1),
              InteractionType.FEEDBACK,
              "Survey after the case",
              caseIndex,
              new Rating(Rating.Scale.CSAT, bounce ? 1 + random.nextInt(3) : 3 + random.nextInt(3)),
              bounce ? -0.5 : 0.3,
              null));
    }
  }

  private Persona pickPersona() {
    double roll = random.nextDouble();
    double cumulative = 0;
    for (Persona persona : Persona.values()) {
      cumulative += persona.share();
      if (roll < cumulative) {
        return persona;
      }
    }
    return Persona.LOYAL;
  }

  private static String summaryOf(InteractionType type) {
    return switch (type) {
      case VISIT -> "Browsed the catalogue";
      case PURCHASE -> "Bought an item";
      case INQUIRY -> "Asked a question";
      default -> "Answered a survey";
    };
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
