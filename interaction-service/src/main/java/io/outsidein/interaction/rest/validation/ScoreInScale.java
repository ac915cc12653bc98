package io.outsidein.interaction.rest.validation;

import io.outsidein.interaction.rest.RatingInput;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rating whose score its scale accepts: CSAT 1 to 5, NPS 0 to 10. */
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ScoreInScale.Validator.class)
public @interface ScoreInScale {
  String message() default "must be within the scale";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ScoreInScale, RatingInput> {
    @Override
    public boolean isValid(RatingInput rating, ConstraintValidatorContext context) {
      if (rating == null || rating.scale() == null || rating.score() == null) {
        return true; // @NotNull on the components reports those
      }
      if (rating.scale().accepts(rating.score())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "must be from "
                  + rating.scale().min()
                  + " to "
                  + rating.scale().max()
                  + " on the "
                  + rating.scale()
                  + " scale")
          .addPropertyNode("score")
          .addConstraintViolation();
      return false;
    }
  }
}
