package io.outsidein.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON value of the right shape that the suite still refuses; its message is for the caller. */
public class RefusedValueException extends MismatchedInputException {
  private final String reason;

  RefusedValueException(JsonParser parser, Class<?> targetType, String reason) {
    super(parser, reason, targetType);
    this.reason = reason;
  }

  /** What is wrong with the value, phrased after the field name ("must ..."). */
  public String reason() {
    return reason;
  }
}
