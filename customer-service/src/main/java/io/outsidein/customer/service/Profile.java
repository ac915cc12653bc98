package io.outsidein.customer.service;

import io.outsidein.customer.domain.Customer;
import io.outsidein.events.customer.Consents;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The editable part of a customer, already validated: what a create gives and what a merge patch
 * produces. Normalised on construction (email lower-case, default segment, empty maps).
 */
public record Profile(
    String displayName,
    String email,
    String phone,
    String segment,
    String locale,
    Consents consents,
    Map<String, String> externalRefs,
    Map<String, Object> attributes) {
  public static final String DEFAULT_SEGMENT = "general";

  public Profile {
    displayName = displayName == null ? null : displayName.strip();
    email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    segment = segment == null ? DEFAULT_SEGMENT : segment;
    locale = locale == null ? null : Locale.forLanguageTag(locale).toLanguageTag();
    consents = consents == null ? Consents.NONE : consents;
    externalRefs = externalRefs == null ? Map.of() : Map.copyOf(externalRefs);
    attributes = attributes == null ? Map.of() : new LinkedHashMap<>(attributes);
  }

  /** The current profile of a stored customer. */
  public static Profile of(Customer customer) {
    return new Profile(
        customer.displayName,
        customer.email,
        customer.phone,
        customer.segment,
        customer.locale,
        new Consents(customer.consentMarketing, customer.consentAnalytics),
        customer.externalRefs,
        customer.attributes);
  }
}
