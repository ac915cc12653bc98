package io.outsidein.interaction.rest;

import io.outsidein.interaction.service.Page;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a list: {@code next} is the cursor of the following page, null at the end. */
public record PageResponse<T>(
    List<T> items, @Schema(example = "azE6MTc0MDgyMzcz...", nullable = true) String next) {

  public static <S, T> PageResponse<T> from(Page<S> page, Function<S, T> mapper) {
    return new PageResponse<>(page.items().stream().map(mapper).toList(), page.next());
  }
}
