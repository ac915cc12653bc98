package io.outsidein.insight.service;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The customers whose history the current transaction's events changed. Each is scored once before
 * the transaction commits, however many of its events the poll held, and all of them together in a
 * few statements ({@link InsightService#recomputeAll}).
 */
@TransactionScoped
public class PendingInsights implements Serializable {
  private final Set<UUID> customers = new LinkedHashSet<>();

  void add(UUID customerId) {
    customers.add(customerId);
  }

  /**
   * The customers in id order: scoring locks their profile rows, and consumers on other partitions
   * taking the same locks in the same order cannot deadlock on them.
   */
  List<UUID> drain() {
    List<UUID> all = customers.stream().sorted().toList();
    customers.clear();
    return all;
  }
}
