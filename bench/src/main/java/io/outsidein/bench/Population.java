package io.outsidein.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The ids of the customers loaded so far, one per line in a file, so that a population can be grown
 * in steps (10,000 customers, then 100,000) and the same journey run repeated at each size.
 */
final class Population {
  private Population() {}

  /** Appends the newly loaded ids, then answers every id the file holds. */
  static List<String> addAndRead(Path file, List<String> added) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      if (!added.isEmpty()) {
        Files.write(
            file,
            added,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      if (!Files.exists(file)) {
        throw new IllegalArgumentException(
            file + " does not exist: load customers into it first with --load-customers");
      }
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("population file " + file, e);
    }
  }
}
