package io.outsidein.interaction.rest;

import io.outsidein.events.interaction.Money;
import io.outsidein.interaction.rest.validation.CurrencyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the gesture endpoints. */
public final class GestureRequests {
  private GestureRequests() {}

  @Schema(name = "GrantGesture")
  public record Grant(
      @Valid @NotNull Amount amount,
      @Schema(example = "Parcel arrived damaged", minLength = 1, maxLength = 2000)
          @NotBlank
          @Size(max = 2000)
          String reason) {}

  @Schema(name = "GestureAmount", description = "A positive amount as a decimal string")
  public record Amount(
      @Schema(example = "25.00", pattern = "^[0-9]{1,15}(\\.[0-9]{1,4})?$")
          @NotNull
          @Pattern(
              regexp = "(?=.*[1-9])[0-9]{1,15}(\\.[0-9]{1,4})?",
              message = "must be a positive decimal string such as \"25.00\"")
          String value,
      @Schema(example = "EUR") @NotNull @CurrencyCode String currency) {

    Money toMoney() {
      return new Money(new BigDecimal(value), currency);
    }
  }

  @Schema(name = "GestureDecision")
  public record Decision(
      @Schema(example = "true") @NotNull Boolean approve,
      @Schema(example = "Loyal customer, approved", maxLength = 2000) @Size(max = 2000)
          String note) {}
}
