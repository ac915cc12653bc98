package io.outsidein.interaction.rest;

import io.outsidein.interaction.service.GoodwillPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of the goodwill policy as the API shows it. */
@Schema(name = "GoodwillPolicy")
public record GoodwillPolicyResponse(
    @Schema(example = "2") int version,
    Instant createdAt,
    @Schema(example = "admin-console") String createdBy,
    Map<String, Rules> currencies) {

  public record Rules(
      @Schema(example = "25.00") String latitude,
      Map<String, String> segmentLatitudes,
      Window customerWindow,
      @Schema(example = "500.00") String personMonth) {}

  public record Window(
      @Schema(example = "50.00") String amount, @Schema(example = "90") int days) {}

  static GoodwillPolicyResponse from(GoodwillPolicy policy) {
    Map<String, Rules> currencies = new LinkedHashMap<>();
    policy
        .currencies()
        .forEach(
            (code, rules) -> {
              Map<String, String> segments = new LinkedHashMap<>();
              rules.segmentLatitudes().forEach((s, v) -> segments.put(s, plain(v)));
              currencies.put(
                  code,
                  new Rules(
                      plain(rules.latitude()),
                      segments,
                      new Window(plain(rules.windowAmount()), rules.windowDays()),
                      plain(rules.personMonth())));
            });
    return new GoodwillPolicyResponse(
        policy.version(), policy.createdAt(), policy.createdBy(), currencies);
  }

  private static String plain(BigDecimal value) {
    return value.toPlainString();
  }
}
