package io.outsidein.interaction.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** One page of a keyset-paginated list and the cursor of the next one (null at the end). */
public record Page<T>(List<T> items, String next) {

  /**
   * Cuts a result fetched with {@code limit + 1} rows: the extra row only tells that a next page
   * exists.
   */
  public static <T> Page<T> of(
      List<T> rows, int limit, Function<T, Instant> time, Function<T, UUID> id) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    T last = items.get(limit - 1);
    return new Page<>(List.copyOf(items), new Cursor(time.apply(last), id.apply(last)).encode());
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), next);
  }
}
