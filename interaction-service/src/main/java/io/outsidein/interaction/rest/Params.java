package io.outsidein.interaction.rest;

import io.outsidein.kit.actor.Actor;

/** The actor header; query parameters are read with the kit's QueryParams. */
public final class Params {
  public static final String ACTOR_HEADER = Actor.HEADER;
  static final String UNKNOWN_ACTOR = Actor.UNKNOWN;

  private Params() {}

  /** The caller the gateway names in X-Actor; "unknown" when it names none. */
  public static String actor(String header) {
    String actor = Actor.accept(header);
    return actor == null ? UNKNOWN_ACTOR : actor;
  }
}
