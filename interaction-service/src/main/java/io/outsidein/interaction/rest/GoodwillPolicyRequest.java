package io.outsidein.interaction.rest;

import io.outsidein.interaction.rest.validation.CurrencyCode;
import io.outsidein.interaction.service.GoodwillPolicy.CurrencyRules;
import io.outsidein.kit.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /policies/goodwill}: the whole next version, per currency. */
@Schema(name = "GoodwillPolicyChange")
public record GoodwillPolicyRequest(
    @Schema(description = "Per ISO 4217 currency; a currency not named is always held for approval")
        @NotNull
        @Size(max = 200)
        Map<@CurrencyCode String, @Valid @NotNull Rules> currencies) {

  static final String AMOUNT = "[0-9]{1,15}(\\.[0-9]{1,4})?";
  static final String AMOUNT_MESSAGE = "must be a decimal string such as \"25.00\"";

  @Schema(name = "GoodwillCurrencyRules")
  public record Rules(
      @Schema(example = "25.00", description = "The largest gesture approved at once")
          @NotNull
          @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE)
          String latitude,
      @Schema(description = "A segment's own latitude, overriding the default") @Size(max = 100)
          Map<
                  @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be a segment slug")
                  String,
                  @NotNull @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String>
              segmentLatitudes,
      @Valid @NotNull Window customerWindow,
      @Schema(example = "500.00", description = "What one person may approve at once per month")
          @NotNull
          @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE)
          String personMonth) {

    CurrencyRules toRules() {
      Map<String, BigDecimal> segments = new LinkedHashMap<>();
      if (segmentLatitudes != null) {
        segmentLatitudes.forEach((segment, value) -> segments.put(segment, new BigDecimal(value)));
      }
      return new CurrencyRules(
          new BigDecimal(latitude),
          segments,
          new BigDecimal(customerWindow.amount()),
          customerWindow.days(),
          new BigDecimal(personMonth));
    }
  }

  @Schema(name = "GoodwillCustomerWindow")
  public record Window(
      @Schema(example = "50.00", description = "What may be approved at once for one customer")
          @NotNull
          @Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE)
          String amount,
      @Schema(example = "90", description = "Within this many days, rolling")
          @NotNull
          @Min(1)
          @Max(3650)
          Integer days) {}

  /**
   * The rules per currency; a window smaller than one of its latitudes would hold every gesture at
   * that latitude, so it is refused (400).
   */
  Map<String, CurrencyRules> toRules() {
    Map<String, CurrencyRules> rules = new LinkedHashMap<>();
    currencies.forEach(
        (currency, given) -> {
          CurrencyRules one = given.toRules();
          BigDecimal largest =
              one.segmentLatitudes().values().stream().reduce(one.latitude(), BigDecimal::max);
          if (one.windowAmount().compareTo(largest) < 0) {
            throw ProblemException.badRequest(
                "currencies."
                    + currency
                    + ".customerWindow.amount must be at least the largest latitude, "
                    + largest.toPlainString());
          }
          rules.put(currency, one);
        });
    return rules;
  }
}
