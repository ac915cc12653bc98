package io.outsidein.interaction.experiments;

import io.outsidein.events.experiment.ExperimentArm;
import io.outsidein.experiments.Assignment;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An experiment as far as goodwill needs it: its arms and dates. Until its design arrives (a stop
 * may come first), {@code arms} and {@code startsAt} are null and no arm applies.
 */
@Entity
@Table(name = "experiment")
public class Experiment extends PanacheEntityBase {
  private static final String NAME = "name";
  private static final String WEIGHT = "weight";
  private static final String LATITUDE = "latitude";

  @Id public UUID id;

  /** The arms in the design's order, as plain JSON (see V21__experiment_arms.sql). */
  @JdbcTypeCode(SqlTypes.JSON)
  public List<Map<String, Object>> arms;

  @Column(name = "starts_at")
  public Instant startsAt;

  @Column(name = "ends_at")
  public Instant endsAt;

  @Column(name = "stopped_at")
  public Instant stoppedAt;

  static Experiment of(UUID id) {
    Experiment experiment = new Experiment();
    experiment.id = id;
    return experiment;
  }

  boolean designed() {
    return arms != null;
  }

  /**
   * Keeps each arm's name, weight and latitude; an arm's next best action is insight-service's
   * business and changes nothing here. A design the assignment cannot use (no arm, a weight below
   * 1, a latitude that is not a number) is refused here, so the inbox dead-letters the event rather
   * than every later grant to its customers failing.
   */
  void design(List<ExperimentArm> designed, Instant starts, Instant ends) {
    if (designed == null || designed.isEmpty() || starts == null) {
      throw new IllegalArgumentException("experiment " + id + ": a design needs arms and a start");
    }
    designed.forEach(
        arm -> {
          new Assignment.Arm(arm.name(), arm.weight());
          if (arm.latitude() != null) {
            arm.latitude().values().forEach(BigDecimal::new);
          }
        });
    arms =
        designed.stream()
            .map(
                arm -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put(NAME, arm.name());
                  json.put(WEIGHT, arm.weight());
                  json.put(LATITUDE, arm.latitude() == null ? Map.of() : arm.latitude());
                  return json;
                })
            .toList();
    startsAt = starts;
    endsAt = ends;
  }

  /** The arm this customer is in, computed as every service computes it (module experiments). */
  String armOf(UUID customerId) {
    List<Assignment.Arm> weighted =
        arms.stream()
            .map(
                arm ->
                    new Assignment.Arm(
                        (String) arm.get(NAME), ((Number) arm.get(WEIGHT)).intValue()))
            .toList();
    return Assignment.armOf(id, customerId, weighted).name();
  }

  /** The latitude per currency the named arm grants; empty for a control or an action arm. */
  Map<String, BigDecimal> latitudesOf(String armName) {
    Map<String, BigDecimal> latitudes = new TreeMap<>();
    arms.stream()
        .filter(arm -> armName.equals(arm.get(NAME)))
        .findFirst()
        .map(arm -> arm.get(LATITUDE))
        .ifPresent(
            json ->
                ((Map<?, ?>) json)
                    .forEach(
                        (currency, amount) ->
                            latitudes.put(currency.toString(), new BigDecimal(amount.toString()))));
    return latitudes;
  }
}
