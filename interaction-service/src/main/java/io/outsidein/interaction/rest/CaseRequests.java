package io.outsidein.interaction.rest;

import io.outsidein.events.interaction.Department;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the case endpoints. */
public final class CaseRequests {
  private CaseRequests() {}

  @Schema(name = "OpenCase")
  public record Open(
      @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") @NotNull UUID customerId,
      @Schema(example = "Damaged parcel, refund requested", maxLength = 500)
          @NotBlank
          @Size(max = 500)
          String subject,
      @Schema(example = "SUPPORT") @NotNull Department department) {}

  @Schema(name = "HandoffRequest")
  public record HandOff(
      @Schema(example = "BILLING") @NotNull Department toDepartment,
      @Schema(example = "Refund needs billing", maxLength = 2000) @Size(max = 2000) String note) {}

  @Schema(name = "ResolutionRequest")
  public record Resolve(
      @Schema(example = "Refund of the shipping cost", maxLength = 2000) @NotBlank @Size(max = 2000)
          String resolution) {}
}
