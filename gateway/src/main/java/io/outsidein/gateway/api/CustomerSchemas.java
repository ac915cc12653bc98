package io.outsidein.gateway.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public shapes of customers, as documented; the gateway passes the services' JSON through. */
public final class CustomerSchemas {
  private CustomerSchemas() {}

  public enum CustomerStatus {
    ACTIVE,
    MERGED,
    ERASED
  }

  @Schema(name = "Consents", description = "What the customer agreed to")
  public record Consents(
      @Schema(example = "true") boolean marketing, @Schema(example = "false") boolean analytics) {}

  @Schema(name = "NewCustomer", description = "A customer to register")
  public record NewCustomer(
      @Schema(required = true, example = "Ada Lovelace", maxLength = 200) String displayName,
      @Schema(example = "ada@example.com", format = "email", maxLength = 320) String email,
      @Schema(example = "+44 20 7946 0000", maxLength = 40) String phone,
      @Schema(
              example = "smb",
              defaultValue = "general",
              pattern = "^[a-z0-9-]{1,40}$",
              maxLength = 40)
          String segment,
      @Schema(example = "en-GB", maxLength = 35) String locale,
      Consents consents,
      @Schema(implementation = Common.ExternalRefs.class) Object externalRefs,
      @Schema(implementation = Common.Attributes.class) Object attributes) {}

  @Schema(
      name = "CustomerPatch",
      description =
          "A JSON merge patch (RFC 7396) of a customer: fields present are set, null clears them")
  public record CustomerPatch(
      @Schema(example = "Ada King", maxLength = 200) String displayName,
      @Schema(example = "ada.king@example.com", format = "email", maxLength = 320) String email,
      @Schema(maxLength = 40) String phone,
      @Schema(example = "enterprise", pattern = "^[a-z0-9-]{1,40}$", maxLength = 40) String segment,
      @Schema(maxLength = 35) String locale,
      Consents consents,
      @Schema(implementation = Common.ExternalRefs.class) Object externalRefs,
      @Schema(implementation = Common.Attributes.class) Object attributes) {}

  @Schema(name = "Customer", description = "A customer profile")
  public record Customer(
      @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID id,
      @Schema(example = "Ada Lovelace", maxLength = 200) String displayName,
      @Schema(example = "ada@example.com", maxLength = 320) String email,
      @Schema(example = "+44 20 7946 0000", maxLength = 40) String phone,
      @Schema(example = "smb", maxLength = 40) String segment,
      @Schema(example = "en-GB", maxLength = 35) String locale,
      Consents consents,
      @Schema(implementation = Common.ExternalRefs.class) Object externalRefs,
      @Schema(implementation = Common.Attributes.class) Object attributes,
      CustomerStatus status,
      @Schema(description = "The survivor, when status is MERGED", nullable = true) UUID mergedInto,
      Instant createdAt,
      Instant updatedAt) {}

  @Schema(name = "CustomerPage", description = "One page of customers")
  public record CustomerPage(
      @Schema(maxItems = 200) List<Customer> items,
      @Schema(
              description = "Opaque cursor of the next page; null at the end",
              nullable = true,
              maxLength = 200)
          String next) {}

  @Schema(name = "MergeRequest", description = "The duplicate to merge into this customer")
  public record MergeRequest(
      @Schema(required = true, example = "0b7e6f62-9d7c-4a9e-8f0e-5d7c3b2a1f00")
          UUID duplicateId) {}
}
