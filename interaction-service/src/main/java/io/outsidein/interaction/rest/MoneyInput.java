package io.outsidein.interaction.rest;

import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.rest.validation.CurrencyCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "Money",
    description = "A decimal amount written as a string, with its ISO 4217 currency")
public record MoneyInput(
    @Schema(example = "19.90", pattern = "^-?[0-9]{1,15}(\\.[0-9]{1,4})?$")
        @NotNull
        @Pattern(
            regexp = "-?[0-9]{1,15}(\\.[0-9]{1,4})?",
            message = "must be a decimal string such as \"19.90\"")
        String value,
    @Schema(example = "EUR") @NotNull @CurrencyCode String currency) {

  Money toMoney() {
    return new Money(new BigDecimal(value), currency);
  }

  static MoneyInput from(Money money) {
    return money == null ? null : new MoneyInput(money.value().toPlainString(), money.currency());
  }
}
