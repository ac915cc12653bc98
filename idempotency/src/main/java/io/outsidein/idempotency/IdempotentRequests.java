package io.outsidein.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outsidein.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Makes a create request safe to retry: under an {@code Idempotency-Key}, the first response is
 * stored in the same transaction as the change, and a retry with the same body gets it again. The
 * same key with another body is refused with 422. A concurrent retry waits on the key's row until
 * the first request commits, so it can never create a second resource.
 */
@ApplicationScoped
public class IdempotentRequests {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final Pattern ACCEPTED_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

  private final EntityManager entityManager;
  private final ObjectMapper json;
  private final IdempotencyConfig config;
  private final Clock clock;
  private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

  IdempotentRequests(
      EntityManager entityManager, ObjectMapper json, IdempotencyConfig config, Clock clock) {
    this.entityManager = entityManager;
    this.json = json;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Runs {@code create} once for {@code key} within {@code scope} (for example "customers"); with
   * no key it simply runs it. A failure of {@code create} rolls the key back with the change.
   */
  @Transactional
  public Response once(String scope, String key, Object request, Supplier<Response> create) {
    if (key == null) {
      return create.get();
    }
    if (!ACCEPTED_KEY.matcher(key).matches()) {
      throw ProblemException.badRequest(HEADER + " must be 1 to 200 visible ASCII characters");
    }
    cleanUpNowAndThen();
    String hash = hash(request);
    boolean first =
        entityManager
                .createNativeQuery(
                    "INSERT INTO idempotency_key (scope, idempotency_key, request_hash, created_at)"
                        + " VALUES (:scope, :key, :hash, :now) ON CONFLICT DO NOTHING")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .setParameter("now", clock.instant())
                .executeUpdate()
            == 1;
    return first ? remember(scope, key, create.get()) : replay(scope, key, hash);
  }

  /**
   * Forgets the stored first responses of the resource at {@code location} (for example {@code
   * /customers/<id>}): they may hold personal data, which erasure must remove at once, not when the
   * key expires. Mandatory so that it commits or rolls back with the erasure.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forget(String scope, String location) {
    entityManager
        .createNativeQuery(
            "DELETE FROM idempotency_key WHERE scope = :scope AND location = :location")
        .setParameter("scope", scope)
        .setParameter("location", location)
        .executeUpdate();
  }

  /**
   * Forgets every stored response that mentions {@code id}, in any scope: the erasure of a customer
   * removes the stored answers about their interactions, cases and gestures too. It scans the keys
   * of the retention window, which is acceptable for a rare operation.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forgetResponsesMentioning(java.util.UUID id) {
    entityManager
        .createNativeQuery("DELETE FROM idempotency_key WHERE body LIKE :pattern")
        .setParameter("pattern", "%\"" + id + "\"%")
        .executeUpdate();
  }

  private Response remember(String scope, String key, Response response) {
    EntityTag etag = response.getEntityTag();
    entityManager
        .createNativeQuery(
            "UPDATE idempotency_key SET status = :status, location = :location, etag = :etag,"
                + " body = :body WHERE scope = :scope AND idempotency_key = :key")
        .setParameter("status", response.getStatus())
        // Only the path: the host the service saw is not the caller's, and forget() matches paths.
        .setParameter(
            "location", response.getLocation() == null ? null : response.getLocation().getRawPath())
        .setParameter("etag", etag == null ? null : etag.getValue())
        .setParameter("body", response.hasEntity() ? write(response.getEntity()) : null)
        .setParameter("scope", scope)
        .setParameter("key", key)
        .executeUpdate();
    return response;
  }

  private Response replay(String scope, String key, String hash) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT request_hash, status, location, etag, body FROM idempotency_key"
                    + " WHERE scope = :scope AND idempotency_key = :key")
            .setParameter("scope", scope)
            .setParameter("key", key)
            .getResultList();
    Object[] row = rows.get(0);
    if (!hash.equals(row[0])) {
      throw ProblemException.unprocessable(
          "this " + HEADER + " was already used with a different request body");
    }
    Response.ResponseBuilder replay =
        Response.status(((Number) row[1]).intValue()).header(REPLAYED_HEADER, "true");
    if (row[2] != null) {
      replay.location(java.net.URI.create((String) row[2]));
    }
    if (row[3] != null) {
      replay.tag((String) row[3]);
    }
    if (row[4] != null) {
      replay.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
    }
    return replay.build();
  }

  private void cleanUpNowAndThen() {
    Instant now = clock.instant();
    Instant previous = lastCleanup.get();
    if (now.isAfter(previous.plusSeconds(600)) && lastCleanup.compareAndSet(previous, now)) {
      entityManager
          .createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :before")
          .setParameter("before", now.minus(config.retention()))
          .executeUpdate();
    }
  }

  private String hash(Object request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(write(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
