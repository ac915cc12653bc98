package io.outsidein.events.customer;

/** What a customer agreed to; both default to false. */
public record Consents(boolean marketing, boolean analytics) {
  public static final Consents NONE = new Consents(false, false);
}
