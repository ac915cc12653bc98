package io.outsidein.customer.rest;

import io.outsidein.customer.service.NewCustomer;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateCustomer", description = "A new customer")
public record CreateCustomerRequest(
    @Schema(example = "Ada Lovelace", maxLength = 200) @NotBlank @Size(max = 200)
        String displayName,
    @Schema(example = "ada@example.com", maxLength = 320) @Email @Size(max = 320) String email,
    @Schema(example = "smb", defaultValue = "general", pattern = "^[a-z0-9-]{1,40}$")
        @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a slug of a-z, 0-9 and -")
        String segment) {

  NewCustomer toNewCustomer() {
    return new NewCustomer(displayName.strip(), email, segment);
  }
}
