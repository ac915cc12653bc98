package io.outsidein.interaction.rest.validation;

import io.outsidein.interaction.config.InteractionConfig;
import io.quarkus.arc.Arc;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A time that is not further in the future than the allowed clock skew ({@code
 * outsidein.interactions.future-skew}); the past is fine, history may be imported.
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotTooFarAhead.Validator.class)
public @interface NotTooFarAhead {
  String message() default "must not be in the future (beyond a small clock skew)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /**
   * Looks the clock and the skew up when validating: Hibernate Validator creates its validators at
   * start-up, before the configuration mappings can be injected.
   */
  class Validator implements ConstraintValidator<NotTooFarAhead, Instant> {
    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      Clock clock = Arc.container().instance(Clock.class).get();
      Duration skew = Arc.container().instance(InteractionConfig.class).get().futureSkew();
      return !value.isAfter(clock.instant().plus(skew));
    }
  }
}
