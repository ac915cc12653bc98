package io.outsidein.interaction.rest.validation;

import io.outsidein.interaction.config.InteractionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
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

  @ApplicationScoped
  class Validator implements ConstraintValidator<NotTooFarAhead, Instant> {
    private final Clock clock;
    private final InteractionConfig config;

    Validator(Clock clock, InteractionConfig config) {
      this.clock = clock;
      this.config = config;
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
      return value == null || !value.isAfter(clock.instant().plus(config.futureSkew()));
    }
  }
}
