package io.outsidein.gateway.journey;

/** A part of the journey could not be read: the service is down, slow or failing. */
class PartFailed extends RuntimeException {
  PartFailed(String message) {
    super(message, null, false, false);
  }
}
