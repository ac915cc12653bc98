package io.outsidein.events.interaction;

public enum GestureStatus {
  APPROVED,
  PENDING_APPROVAL,
  REJECTED
}
