package io.outsidein.experiments;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * Which arm of an experiment a customer is in: a pure function of the experiment id, the customer
 * id and the arms' weights, so every service computes the same arm without asking another, today
 * and after a restart. The two ids are hashed with SHA-256 (the same on every JVM, and unrelated
 * between experiments, so being in one experiment's treatment says nothing about another's) to a
 * point in [0, 1); the arms share that interval in proportion to their weights, in the order given.
 */
public final class Assignment {
  /** One arm: its name and its relative weight (a positive whole number). */
  public record Arm(String name, int weight) {
    public Arm {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an arm needs a name");
      }
      if (weight < 1) {
        throw new IllegalArgumentException("arm " + name + ": weight must be at least 1");
      }
    }
  }

  private Assignment() {}

  /** The arm {@code customerId} is in; {@code arms} in the order the experiment lists them. */
  public static Arm armOf(UUID experimentId, UUID customerId, List<Arm> arms) {
    if (arms.isEmpty()) {
      throw new IllegalArgumentException("an experiment needs at least one arm");
    }
    long total = arms.stream().mapToLong(Arm::weight).sum();
    double target = position(experimentId, customerId) * total;
    long upTo = 0;
    for (Arm arm : arms) {
      upTo += arm.weight();
      if (target < upTo) {
        return arm;
      }
    }
    return arms.get(arms.size() - 1);
  }

  /**
   * The customer's point in [0, 1) for this experiment: 53 bits of SHA-256(experiment, customer).
   */
  static double position(UUID experimentId, UUID customerId) {
    ByteBuffer ids = ByteBuffer.allocate(32);
    ids.putLong(experimentId.getMostSignificantBits())
        .putLong(experimentId.getLeastSignificantBits())
        .putLong(customerId.getMostSignificantBits())
        .putLong(customerId.getLeastSignificantBits());
    byte[] digest = sha256().digest(ids.array());
    long bits = ByteBuffer.wrap(digest).getLong() >>> 11;
    return bits * 0x1.0p-53;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException(e);
    }
  }
}
