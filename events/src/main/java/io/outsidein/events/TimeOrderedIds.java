package io.outsidein.events;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Rows keyed by them
 * are inserted at the end of their B-tree index, where purely random UUIDs land on any page: at two
 * million interactions, random keys made every insert read and dirty a different index page (and
 * write it whole to the WAL after each checkpoint). The random part keeps ids unguessable.
 */
public final class TimeOrderedIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TimeOrderedIds() {}

  /** A new id that sorts after those made in earlier milliseconds. */
  public static UUID next() {
    return at(System.currentTimeMillis());
  }

  static UUID at(long unixMillis) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    long high =
        (unixMillis & 0xFFFF_FFFF_FFFFL) << 16
            | 0x7000L // version 7
            | ((random[0] & 0x0FL) << 8)
            | (random[1] & 0xFFL);
    long low = 0;
    for (int i = 2; i < 10; i++) {
      low = low << 8 | (random[i] & 0xFFL);
    }
    low = 0x8000_0000_0000_0000L | (low & 0x3FFF_FFFF_FFFF_FFFFL); // variant 10
    return new UUID(high, low);
  }
}
