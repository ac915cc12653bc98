package io.outsidein.events.interaction;

public enum InteractionType {
  VISIT,
  INQUIRY,
  PURCHASE,
  COMPLAINT,
  FEEDBACK,
  RETURN,
  CANCELLATION,
  OUTREACH
}
