package io.outsidein.interaction.service;

import io.outsidein.kit.problem.ProblemException;
import io.outsidein.kit.problem.QueryParams;
import io.outsidein.kit.validation.Storable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position in a list ordered by (time desc, id desc), written as an opaque token so that
 * callers cannot depend on its content.
 */
public record Cursor(Instant time, UUID id) {
  private static final String PREFIX = "k1:";

  public String encode() {
    String raw = PREFIX + time.getEpochSecond() + ":" + time.getNano() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a token names; null for no token; a 400 problem for a token we never gave. */
  public static Cursor decode(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!raw.startsWith(PREFIX)) {
        throw invalid();
      }
      String[] parts = raw.substring(PREFIX.length()).split(":", 3);
      if (parts.length != 3) {
        throw invalid();
      }
      Instant time = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      if (Storable.timeProblem(time).isPresent()) {
        throw invalid();
      }
      return new Cursor(time, UUID.fromString(parts[2]));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return QueryParams.invalid(
        "cursor", "is not a cursor this service gave; start again without it");
  }
}
