package io.outsidein.insight.service;

import static io.outsidein.insight.service.HistoryLoader.micros;

import io.outsidein.events.interaction.InteractionRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stores recorded interactions as touchpoints, a whole poll's worth in one statement: the new
 * touchpoints, the running tally of their customers ({@link ActivityTally}) and the customers'
 * profiles. A bulk import spreads each poll over hundreds of customers, and a dozen round trips per
 * interaction held insight to about 250 interactions a second.
 */
@ApplicationScoped
public class TouchpointRecorder {
  /**
   * Only the touchpoints actually inserted are tallied, so an interaction delivered twice counts
   * once. The tally's arithmetic is the one {@link ActivityTally#recount} does from the rows.
   */
  private static final String RECORD =
      """
      WITH input AS (
        SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS timestamptz[]),
          CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS uuid[]),
          CAST(? AS varchar[]), CAST(? AS integer[]), CAST(? AS double precision[]))
        AS i(interaction_id, customer_id, occurred_at, channel, department, type, case_id,
          rating_scale, rating_score, sentiment)
      ), new AS (
        INSERT INTO touchpoint (interaction_id, customer_id, occurred_at, channel, department,
          type, case_id, rating_scale, rating_score, sentiment)
        SELECT * FROM input
        ON CONFLICT (interaction_id) DO NOTHING
        RETURNING customer_id, occurred_at, department, rating_scale, rating_score
      ), activity AS (
        INSERT INTO customer_activity AS a (customer_id, touches, first_at, last_at, active_days)
        SELECT customer_id, count(*), min(occurred_at), max(occurred_at),
          array_agg(DISTINCT CAST(occurred_at AT TIME ZONE 'UTC' AS date) - DATE '1970-01-01'
            ORDER BY CAST(occurred_at AT TIME ZONE 'UTC' AS date) - DATE '1970-01-01')
        FROM new GROUP BY customer_id ORDER BY customer_id
        ON CONFLICT (customer_id) DO UPDATE SET
          touches = a.touches + EXCLUDED.touches,
          first_at = LEAST(a.first_at, EXCLUDED.first_at),
          last_at = GREATEST(a.last_at, EXCLUDED.last_at),
          active_days = ARRAY(SELECT DISTINCT d FROM unnest(a.active_days || EXCLUDED.active_days)
            AS d ORDER BY d)
      ), departments AS (
        INSERT INTO customer_department AS d (customer_id, department, first_at)
        SELECT customer_id, department, min(occurred_at) FROM new
        WHERE department IS NOT NULL GROUP BY customer_id, department
        ORDER BY customer_id, department
        ON CONFLICT (customer_id, department) DO UPDATE SET
          first_at = LEAST(d.first_at, EXCLUDED.first_at)
      ), ratings AS (
        INSERT INTO customer_rating AS r (customer_id, scale, score, answers)
        SELECT customer_id, rating_scale, rating_score, count(*) FROM new
        WHERE rating_scale IS NOT NULL GROUP BY customer_id, rating_scale, rating_score
        ORDER BY customer_id, rating_scale, rating_score
        ON CONFLICT (customer_id, scale, score) DO UPDATE SET answers = r.answers + EXCLUDED.answers
      ), profiles AS (
        INSERT INTO customer_profile AS p (customer_id, segment, status, registered_at)
        SELECT customer_id, ?, 'ACTIVE', min(occurred_at) FROM input
        GROUP BY customer_id ORDER BY customer_id
        ON CONFLICT (customer_id) DO UPDATE SET registered_at = EXCLUDED.registered_at
        WHERE EXCLUDED.registered_at < p.registered_at
      )
      SELECT count(*) FROM new
      """;

  private final PendingTouchpoints pending;
  private final PendingInsights insights;
  private final CustomerIds ids;
  private final EntityManager entityManager;

  TouchpointRecorder(
      PendingTouchpoints pending,
      PendingInsights insights,
      CustomerIds ids,
      EntityManager entityManager) {
    this.pending = pending;
    this.insights = insights;
    this.ids = ids;
    this.entityManager = entityManager;
  }

  /** Takes the interaction; it is stored by {@link #recordPending} in the same transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(InteractionRecorded interaction) {
    pending.add(interaction);
  }

  /**
   * Stores the interactions taken since the last call, each under the customer it now belongs to
   * (an erased customer's are dropped), and marks those customers for scoring. Answers how many
   * touchpoints were new.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int recordPending() {
    List<InteractionRecorded> interactions = pending.drain();
    if (interactions.isEmpty()) {
      return 0;
    }
    Map<UUID, UUID> live =
        ids.liveAll(interactions.stream().map(InteractionRecorded::customerId).toList());
    List<InteractionRecorded> kept =
        interactions.stream().filter(i -> live.containsKey(i.customerId())).toList();
    if (kept.isEmpty()) {
      return 0;
    }
    int added =
        SetStatements.run(
            entityManager,
            connection -> {
              try (PreparedStatement record = connection.prepareStatement(RECORD)) {
                bind(record, connection, kept, live);
                try (ResultSet rows = record.executeQuery()) {
                  rows.next();
                  return rows.getInt(1);
                }
              }
            });
    // Rows written past the persistence context: entities it still holds may be stale.
    entityManager.clear();
    kept.forEach(i -> insights.add(live.get(i.customerId())));
    return added;
  }

  private static void bind(
      PreparedStatement record,
      Connection connection,
      List<InteractionRecorded> interactions,
      Map<UUID, UUID> live)
      throws SQLException {
    int column = 1;
    record.setArray(column++, array(connection, "uuid", interactions, i -> i.interactionId()));
    record.setArray(
        column++, array(connection, "uuid", interactions, i -> live.get(i.customerId())));
    // Times as text, cut to the database's microseconds here rather than rounded there.
    record.setArray(
        column++, array(connection, "text", interactions, i -> micros(i.occurredAt()).toString()));
    record.setArray(column++, array(connection, "varchar", interactions, i -> name(i.channel())));
    record.setArray(
        column++, array(connection, "varchar", interactions, i -> name(i.department())));
    record.setArray(column++, array(connection, "varchar", interactions, i -> name(i.type())));
    record.setArray(column++, array(connection, "uuid", interactions, i -> i.caseId()));
    record.setArray(
        column++,
        array(
            connection,
            "varchar",
            interactions,
            i -> i.rating() == null ? null : name(i.rating().scale())));
    record.setArray(
        column++,
        array(
            connection, "int4", interactions, i -> i.rating() == null ? null : i.rating().score()));
    record.setArray(column++, array(connection, "float8", interactions, i -> i.sentiment()));
    record.setString(column, CustomerIds.DEFAULT_SEGMENT);
  }

  private static java.sql.Array array(
      Connection connection,
      String type,
      List<InteractionRecorded> interactions,
      Function<InteractionRecorded, Object> value)
      throws SQLException {
    List<Object> values = new ArrayList<>(interactions.size());
    interactions.forEach(i -> values.add(value.apply(i)));
    return connection.createArrayOf(type, values.toArray());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
