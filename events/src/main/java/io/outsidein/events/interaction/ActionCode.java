package io.outsidein.events.interaction;

/**
 * What the front line did for a customer: the next best actions insight-service recommends, one
 * code each, so that what was recommended and what was done are counted in the same words.
 */
public enum ActionCode {
  /** An open case that bounced between departments gets one owner. */
  ASSIGN_SINGLE_OWNER,
  /** A goodwill gesture; every approved gesture records one by itself. */
  GOODWILL_GESTURE,
  /** A silent customer is called or written to. */
  PROACTIVE_OUTREACH,
  /** The customer is asked how the latest resolved case went. */
  ASK_FOR_FEEDBACK,
  /** A promoter is thanked. */
  THANK_PROMOTER
}
