package io.outsidein.customer.rest;

import io.outsidein.customer.service.CustomerSearch;
import io.outsidein.kit.problem.QueryParams;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The query parameters of a search, checked and turned into criteria. The cursor is opaque to
 * callers: base64url of the last id, followed by its name key when the search is by name.
 */
final class SearchQuery {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,40}");
  private static final int UUID_LENGTH = 36;

  private SearchQuery() {}

  static CustomerSearch.Criteria parse(
      String segment, String email, String externalRef, String q, String limit, String cursor) {
    QueryParams.slug("segment", segment);
    if (email != null && (email.isBlank() || email.length() > 320)) {
      throw QueryParams.invalid("email", "must be an email address");
    }
    String system = null;
    String externalId = null;
    if (externalRef != null) {
      int colon = externalRef.indexOf(':');
      if (colon < 1 || colon == externalRef.length() - 1 || externalRef.length() > 241) {
        throw QueryParams.invalid("externalRef", "must be system:id, for example crm:C-1042");
      }
      system = externalRef.substring(0, colon);
      externalId = externalRef.substring(colon + 1);
      if (!SLUG.matcher(system).matches()) {
        throw QueryParams.invalid("externalRef", "the system must be a slug of a-z, 0-9 and -");
      }
    }
    if (q != null && (q.isEmpty() || q.length() > 200)) {
      throw QueryParams.invalid("q", "must be 1 to 200 characters");
    }
    int size = QueryParams.limit(limit);
    CustomerSearch.Position after = cursor == null ? null : decode(cursor, q != null);
    return new CustomerSearch.Criteria(segment, email, system, externalId, q, size, after);
  }

  static String encode(CustomerSearch.Position position) {
    if (position == null) {
      return null;
    }
    String plain =
        position.nameKey() == null
            ? position.id().toString()
            : position.id() + ":" + position.nameKey();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static CustomerSearch.Position decode(String cursor, boolean byName) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      UUID id = UUID.fromString(plain.substring(0, Math.min(UUID_LENGTH, plain.length())));
      if (!id.toString().equals(plain.substring(0, UUID_LENGTH))) {
        throw new IllegalArgumentException("not a canonical id");
      }
      String rest = plain.substring(UUID_LENGTH);
      if (byName && rest.startsWith(":")) {
        return new CustomerSearch.Position(id, rest.substring(1));
      }
      if (!byName && rest.isEmpty()) {
        return new CustomerSearch.Position(id, null);
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      // fall through: whatever is wrong, the answer is the same
    }
    throw QueryParams.invalid(
        "cursor", "is not a cursor of this search; start again without a cursor");
  }
}
