package io.outsidein.interaction.service;

import io.outsidein.interaction.domain.GoodwillPolicyRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One version of the goodwill policy: per ISO 4217 currency, what the front line may approve. */
public record GoodwillPolicy(
    int version, Instant createdAt, String createdBy, Map<String, CurrencyRules> currencies) {

  /**
   * The rules of one currency: the latitude per gesture (by default and per segment), the amount
   * approved at once per customer within a rolling window of days, and per person per calendar
   * month.
   */
  public record CurrencyRules(
      BigDecimal latitude,
      Map<String, BigDecimal> segmentLatitudes,
      BigDecimal windowAmount,
      int windowDays,
      BigDecimal personMonth) {

    public BigDecimal latitudeFor(String segment) {
      return segment == null ? latitude : segmentLatitudes.getOrDefault(segment, latitude);
    }
  }

  public Optional<CurrencyRules> rulesFor(String currency) {
    return Optional.ofNullable(currencies.get(currency));
  }

  static GoodwillPolicy from(GoodwillPolicyRow row) {
    Map<String, CurrencyRules> currencies = new TreeMap<>();
    row.currencies.forEach((code, value) -> currencies.put(code, rulesFrom(asMap(value))));
    return new GoodwillPolicy(row.version, row.createdAt, row.createdBy, currencies);
  }

  static Map<String, Object> toJson(Map<String, CurrencyRules> currencies) {
    Map<String, Object> json = new TreeMap<>();
    currencies.forEach(
        (code, rules) -> {
          Map<String, Object> segments = new TreeMap<>();
          rules.segmentLatitudes().forEach((s, v) -> segments.put(s, v.toPlainString()));
          Map<String, Object> window = new LinkedHashMap<>();
          window.put("amount", rules.windowAmount().toPlainString());
          window.put("days", rules.windowDays());
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("latitude", rules.latitude().toPlainString());
          one.put("segmentLatitudes", segments);
          one.put("customerWindow", window);
          one.put("personMonth", rules.personMonth().toPlainString());
          json.put(code, one);
        });
    return json;
  }

  private static CurrencyRules rulesFrom(Map<String, Object> json) {
    Map<String, BigDecimal> segments = new TreeMap<>();
    Object stored = json.get("segmentLatitudes");
    if (stored != null) {
      asMap(stored).forEach((s, v) -> segments.put(s, new BigDecimal(v.toString())));
    }
    Map<String, Object> window = asMap(json.get("customerWindow"));
    return new CurrencyRules(
        new BigDecimal(json.get("latitude").toString()),
        java.util.Collections.unmodifiableMap(segments),
        new BigDecimal(window.get("amount").toString()),
        ((Number) window.get("days")).intValue(),
        new BigDecimal(json.get("personMonth").toString()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }
}
