package io.outsidein.kit.validation;

import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An attribute value: a string (up to 500 characters), a number or a boolean, never null. */
@Target(TYPE_USE)
@Retention(RUNTIME)
@Constraint(validatedBy = ScalarValue.Validator.class)
public @interface ScalarValue {
  int MAX_STRING = 500;

  String message() default "must be a string of at most 500 characters, a number or a boolean";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ScalarValue, Object> {
    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      return value instanceof Number
          || value instanceof Boolean
          || (value instanceof String text && text.length() <= MAX_STRING);
    }
  }
}
