package io.outsidein.customer.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.customer.domain.Customer;
import io.outsidein.customer.domain.CustomerStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Customer")
public record CustomerResponse(
    @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID id,
    @Schema(example = "Ada Lovelace") String displayName,
    @Schema(example = "ada@example.com") String email,
    @Schema(example = "+441632960961") String phone,
    @Schema(example = "smb") String segment,
    @Schema(example = "en-GB") String locale,
    ConsentsView consents,
    @Schema(example = "{\"crm\": \"C-1042\"}") Map<String, String> externalRefs,
    @Schema(example = "{\"tier\": \"gold\"}") Map<String, Object> attributes,
    CustomerStatus status,
    @Schema(description = "the survivor, for a MERGED customer only")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        UUID mergedInto,
    Instant createdAt,
    Instant updatedAt,
    @Schema(example = "front-desk-app", description = "Who created it; absent for older records")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String createdBy,
    @Schema(
            example = "front-desk-app",
            description = "Who changed it last; absent for older records")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String updatedBy) {

  @Schema(name = "ConsentsView")
  public record ConsentsView(boolean marketing, boolean analytics) {}

  static CustomerResponse from(Customer customer) {
    return new CustomerResponse(
        customer.id,
        customer.displayName,
        customer.email,
        customer.phone,
        customer.segment,
        customer.locale,
        new ConsentsView(customer.consentMarketing, customer.consentAnalytics),
        Map.copyOf(customer.externalRefs),
        customer.attributes == null ? Map.of() : customer.attributes,
        customer.status,
        customer.mergedInto,
        customer.createdAt,
        customer.updatedAt,
        customer.createdBy,
        customer.updatedBy);
  }
}
