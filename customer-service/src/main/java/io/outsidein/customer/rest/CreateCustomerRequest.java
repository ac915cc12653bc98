package io.outsidein.customer.rest;

import io.outsidein.customer.rest.validation.LanguageTag;
import io.outsidein.customer.service.Profile;
import io.outsidein.events.customer.Consents;
import io.outsidein.kit.validation.ScalarValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's profile as a caller writes it: the body of a create, and what a patch changes. */
@Schema(name = "CreateCustomer", description = "A new customer")
public record CreateCustomerRequest(
    @Schema(example = "Ada Lovelace", minLength = 1, maxLength = 200) @NotBlank @Size(max = 200)
        String displayName,
    @Schema(example = "ada@example.com", maxLength = 320, description = "stored lower-case")
        @Email(regexp = ".+@[^@]+\\.[^@]+", message = "must be a well-formed email address")
        @Size(max = 320)
        String email,
    @Schema(example = "+441632960961", pattern = E164, description = "E.164")
        @Pattern(regexp = E164, message = "must be an E.164 number such as +441632960961")
        String phone,
    @Schema(example = "smb", defaultValue = "general", pattern = SLUG)
        @Pattern(regexp = SLUG, message = "must be a slug of a-z, 0-9 and -")
        String segment,
    @Schema(example = "en-GB", maxLength = 35, description = "BCP 47 language tag")
        @LanguageTag
        @Size(max = 35)
        String locale,
    @Valid ConsentsBody consents,
    @Schema(
            description = "identifiers of the customer in other systems, by system (a slug)",
            example = "{\"crm\": \"C-1042\"}")
        @Size(max = 20)
        Map<
                @Pattern(regexp = SLUG, message = "must be a slug of a-z, 0-9 and -") String,
                @NotBlank @Size(max = 200) String>
            externalRefs,
    @Schema(
            description = "at most 50 scalar attributes (string, number or boolean)",
            example = "{\"tier\": \"gold\", \"employees\": 12, \"vip\": true}")
        @Size(max = 50)
        Map<
                @Pattern(regexp = ATTRIBUTE_NAME, message = "must be 1-64 of A-Z, a-z, 0-9, _ . -")
                String,
                @ScalarValue Object>
            attributes) {

  static final String SLUG = "^[a-z0-9-]{1,40}$";
  static final String E164 = "^\\+[1-9][0-9]{1,14}$";
  static final String ATTRIBUTE_NAME = "^[A-Za-z0-9_.-]{1,64}$";

  /** What the customer agreed to; a missing flag is false. */
  @Schema(name = "Consents")
  public record ConsentsBody(
      @Schema(example = "true", defaultValue = "false") Boolean marketing,
      @Schema(example = "false", defaultValue = "false") Boolean analytics) {}

  Profile toProfile() {
    return new Profile(
        displayName,
        email,
        phone,
        segment,
        locale,
        consents == null
            ? Consents.NONE
            : new Consents(
                Boolean.TRUE.equals(consents.marketing()),
                Boolean.TRUE.equals(consents.analytics())),
        externalRefs,
        attributes);
  }

  /** The profile as a document, the target a merge patch applies to. */
  static CreateCustomerRequest from(Profile profile) {
    return new CreateCustomerRequest(
        profile.displayName(),
        profile.email(),
        profile.phone(),
        profile.segment(),
        profile.locale(),
        new ConsentsBody(profile.consents().marketing(), profile.consents().analytics()),
        profile.externalRefs(),
        profile.attributes());
  }
}
