package io.outsidein.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One reading of a service's {@code /q/metrics} (Prometheus or OpenMetrics text), for tests and
 * benchmarks that check what a service counted. Series are picked by name and by exact label
 * values, given as pairs: {@code sum("gestures", "status", "APPROVED")}.
 */
public final class Scrape {
  /** One series' value: {@code name{labels} value}. */
  public record Sample(String name, Map<String, String> labels, double value) {
    boolean matches(String wanted, String[] labelPairs) {
      if (!name.equals(wanted)) {
        return false;
      }
      for (int i = 0; i < labelPairs.length; i += 2) {
        if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Sample> samples;

  private Scrape(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  /** Parses the exposition text; comment lines (HELP, TYPE, EOF) are skipped. */
  public static Scrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        samples.add(sample(trimmed));
      }
    }
    return new Scrape(samples);
  }

  /** Every series of that name whose labels include the given pairs. */
  public List<Sample> samples(String name, String... labelPairs) {
    if (labelPairs.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name, value pairs");
    }
    return samples.stream().filter(s -> s.matches(name, labelPairs)).toList();
  }

  /** Whether the service shows such a series at all. */
  public boolean has(String name, String... labelPairs) {
    return !samples(name, labelPairs).isEmpty();
  }

  /**
   * The sum over the matching series, leaving out NaN (a gauge not measured yet); 0 when none
   * matches. Counters of one event type across several series add up this way.
   */
  public double sum(String name, String... labelPairs) {
    return samples(name, labelPairs).stream()
        .mapToDouble(Sample::value)
        .filter(v -> !Double.isNaN(v))
        .sum();
  }

  /** The value of the one matching series; fails when there is none or more than one. */
  public double value(String name, String... labelPairs) {
    List<Sample> found = samples(name, labelPairs);
    if (found.size() != 1) {
      throw new IllegalStateException(
          found.size() + " series of " + name + " match " + String.join(",", labelPairs));
    }
    return found.get(0).value();
  }

  /**
   * A histogram's cumulative counts by upper bound in its unit (+Inf as infinity), summed over the
   * matching series.
   */
  public NavigableMap<Double, Double> buckets(String histogram, String... labelPairs) {
    NavigableMap<Double, Double> counts = new TreeMap<>();
    for (Sample bucket : samples(histogram + "_bucket", labelPairs)) {
      String le = bucket.labels().get("le");
      double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
      counts.merge(bound, bucket.value(), Double::sum);
    }
    return counts;
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    int rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      rest = labels(line, brace + 1, labels);
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    // The value comes first; a timestamp or an exemplar ("# {...} v") may follow it.
    String value = line.substring(rest).strip().split("\\s+")[0];
    return new Sample(name, Map.copyOf(labels), parseValue(value));
  }

  /** Reads {@code a="x",b="y"}} from {@code at}; returns the index after the closing brace. */
  private static int labels(String line, int at, Map<String, String> into) {
    int i = at;
    while (line.charAt(i) != '}') {
      int equals = line.indexOf('=', i);
      String key = line.substring(i, equals).strip();
      StringBuilder value = new StringBuilder();
      i = equals + 2; // past ="
      while (line.charAt(i) != '"') {
        char c = line.charAt(i++);
        if (c == '\\') {
          char escaped = line.charAt(i++);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
      }
      into.put(key, value.toString());
      i++; // past the closing quote
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return i + 1;
  }

  private static double parseValue(String value) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }
}
