package io.outsidein.events.interaction;

/** Where a touchpoint happened. */
public enum Channel {
  WEB,
  EMAIL,
  PHONE,
  CHAT,
  STORE,
  APP,
  SOCIAL,
  SURVEY
}
