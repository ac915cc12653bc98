package io.outsidein.gateway.journey;

/**
 * customer-service answered, but not with a customer (404 unknown, 410 erased...): the journey
 * answers the same. Not a failure of the service, so the circuit breaker ignores it.
 */
class CustomerAnswer extends RuntimeException {
  private final int status;
  private final byte[] body;

  CustomerAnswer(int status, byte[] body) {
    super("customer-service answered " + status, null, false, false);
    this.status = status;
    this.body = body;
  }

  int status() {
    return status;
  }

  byte[] body() {
    return body;
  }
}
