package io.outsidein.interaction.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outsidein.interaction.service.BatchItem;
import io.outsidein.interaction.service.ItemProblems;
import io.outsidein.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Reads each raw batch item into a request and validates it on its own, the way a single request is
 * read, so that one bad item (even an unknown enum value) refuses only itself.
 */
@ApplicationScoped
public class BatchItems {
  private final ObjectMapper json;
  private final Validator validator;

  BatchItems(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  public List<BatchItem> parse(List<JsonNode> items) {
    return items.stream().map(this::parse).toList();
  }

  private BatchItem parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      return BatchItem.refused(
          ItemProblems.invalid(List.of(new Problem.FieldError("item", "must be an object"))));
    }
    RecordInteractionRequest request;
    try {
      request = json.treeToValue(node, RecordInteractionRequest.class);
    } catch (JsonMappingException e) {
      return BatchItem.refused(ItemProblems.json(e));
    } catch (JsonProcessingException e) {
      return BatchItem.refused(
          ItemProblems.invalid(List.of(new Problem.FieldError("item", "is not valid JSON"))));
    }
    Set<ConstraintViolation<RecordInteractionRequest>> violations = validator.validate(request);
    return violations.isEmpty()
        ? BatchItem.valid(request.toNewInteraction())
        : BatchItem.refused(ItemProblems.violations(violations));
  }
}
