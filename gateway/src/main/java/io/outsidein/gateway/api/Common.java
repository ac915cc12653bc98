package io.outsidein.gateway.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Value shapes shared by several public schemas. */
public final class Common {
  private Common() {}

  @Schema(name = "Money", description = "A decimal amount with its ISO 4217 currency")
  public record Money(
      @Schema(example = "19.90", pattern = "^-?[0-9]{1,12}(\\.[0-9]{1,4})?$", maxLength = 18)
          String value,
      @Schema(example = "EUR", pattern = "^[A-Z]{3}$", maxLength = 3) String currency) {}

  @Schema(name = "Reason", description = "One explanation of a score, or one suggested action")
  public record Reason(
      @Schema(example = "SILENT_AFTER_COMPLAINT", maxLength = 64) String code,
      @Schema(
              example = "no contact for 45 days after a complaint, usually every 9 days",
              maxLength = 500)
          String detail) {}

  @Schema(
      name = "Attributes",
      description = "Free attributes: name to scalar value (string, number or boolean)",
      type = SchemaType.OBJECT,
      example = "{\"tier\": \"gold\", \"employees\": 12}")
  public record Attributes() {}

  @Schema(
      name = "ExternalRefs",
      description = "Ids of this customer in other systems: system name to id",
      type = SchemaType.OBJECT,
      example = "{\"crm\": \"C-1042\"}")
  public record ExternalRefs() {}
}
