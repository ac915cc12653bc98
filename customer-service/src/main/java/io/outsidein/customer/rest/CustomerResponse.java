package io.outsidein.customer.rest;

import io.outsidein.customer.domain.Customer;
import io.outsidein.customer.domain.CustomerStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Customer")
public record CustomerResponse(
    @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID id,
    @Schema(example = "Ada Lovelace") String displayName,
    @Schema(example = "ada@example.com") String email,
    @Schema(example = "smb") String segment,
    CustomerStatus status,
    Instant createdAt,
    Instant updatedAt) {

  static CustomerResponse from(Customer customer) {
    return new CustomerResponse(
        customer.id,
        customer.displayName,
        customer.email,
        customer.segment,
        customer.status,
        customer.createdAt,
        customer.updatedAt);
  }
}
