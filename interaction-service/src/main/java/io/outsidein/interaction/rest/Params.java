package io.outsidein.interaction.rest;

/** The actor header; query parameters are read with the kit's QueryParams. */
public final class Params {
  public static final String ACTOR_HEADER = "X-Actor";
  static final String UNKNOWN_ACTOR = "unknown";

  private Params() {}

  /** The caller the gateway names in X-Actor; "unknown" when it names none. */
  public static String actor(String header) {
    if (header == null || header.isBlank()) {
      return UNKNOWN_ACTOR;
    }
    String clean = header.strip().replaceAll("\\p{Cntrl}", "");
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }
}
