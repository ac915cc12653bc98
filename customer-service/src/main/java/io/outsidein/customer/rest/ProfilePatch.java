package io.outsidein.customer.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outsidein.customer.service.Profile;
import io.outsidein.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * JSON Merge Patch (RFC 7396) on a profile: the patch is applied to the profile as a document, and
 * the result must pass the same validation as a create (so null removes an optional field, and
 * removing displayName is refused).
 */
@ApplicationScoped
public class ProfilePatch {
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private final ObjectMapper json;
  private final Validator validator;

  ProfilePatch(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  /**
   * Checks the patch on its own first (unknown fields, wrong types: 400 naming the field), then
   * returns the change to apply to the current profile inside the service's transaction.
   */
  UnaryOperator<Profile> parse(JsonNode patch) throws JsonProcessingException {
    if (patch == null || !patch.isObject()) {
      throw ProblemException.badRequest("a merge patch must be a JSON object");
    }
    json.treeToValue(patch, CreateCustomerRequest.class);
    return current -> {
      JsonNode merged = merge(json.valueToTree(CreateCustomerRequest.from(current)), patch);
      CreateCustomerRequest result;
      try {
        result = json.treeToValue(merged, CreateCustomerRequest.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a checked patch on a valid profile is readable", e);
      }
      Set<ConstraintViolation<CreateCustomerRequest>> violations = validator.validate(result);
      if (!violations.isEmpty()) {
        throw new ConstraintViolationException(violations);
      }
      return result.toProfile();
    };
  }

  /** RFC 7396, section 2. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : ((ObjectNode) patch).objectNode();
    patch
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isNull()) {
                result.remove(field.getKey());
              } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
              }
            });
    return result;
  }
}
