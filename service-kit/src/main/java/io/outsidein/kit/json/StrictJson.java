package io.outsidein.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.outsidein.kit.validation.Storable;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads request bodies strictly: a key given twice, a value of the wrong JSON type (7 for a text, 1
 * for a boolean, a number for a time), text PostgreSQL cannot store and times outside the years
 * 1900 to 9999 are refused with a 400 naming the field, instead of being guessed at or failing
 * later.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
  static final String TIME_FORMAT = "must be an ISO-8601 UTC time such as 2025-03-01T10:15:30Z";

  @Override
  public int priority() {
    // After Quarkus' own customizers, so that these deserializers win over the defaults.
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    apply(mapper);
  }

  /** The rules on any mapper; the services get them through Quarkus, tests call this directly. */
  public static ObjectMapper apply(ObjectMapper mapper) {
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    refuse(
        mapper,
        LogicalType.Textual,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuse(
        mapper,
        LogicalType.Boolean,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.String);
    refuse(
        mapper,
        LogicalType.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.String,
        CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
    refuse(
        mapper,
        LogicalType.DateTime,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    mapper.registerModule(
        new SimpleModule("outside-in-strict-json")
            .addDeserializer(String.class, new StorableStringDeserializer())
            .addKeyDeserializer(String.class, new StorableKeyDeserializer())
            .addDeserializer(Instant.class, new StorableInstantDeserializer()));
    return mapper;
  }

  private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** Text as the standard deserializer reads it, refused when PostgreSQL cannot store it. */
  static final class StorableStringDeserializer extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        // Only a JSON string is text: no numbers, booleans, objects or arrays turned into one.
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      String text = p.getText();
      if (Storable.textProblem(text).isPresent()) {
        throw new RefusedValueException(p, String.class, Storable.TEXT_MESSAGE);
      }
      return text;
    }
  }

  /** Object keys (attribute names, external systems) under the same rule as any text. */
  static final class StorableKeyDeserializer extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      if (Storable.textProblem(key).isPresent()) {
        throw new RefusedValueException(ctxt.getParser(), String.class, Storable.TEXT_MESSAGE);
      }
      return key;
    }
  }

  /** An ISO-8601 string only, within the years PostgreSQL and the suite handle. */
  static final class StorableInstantDeserializer extends StdScalarDeserializer<Instant> {
    StorableInstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw new RefusedValueException(p, Instant.class, TIME_FORMAT);
      }
      Instant time;
      try {
        time = Instant.parse(p.getText().trim());
      } catch (DateTimeParseException e) {
        throw new RefusedValueException(p, Instant.class, TIME_FORMAT);
      }
      if (Storable.timeProblem(time).isPresent()) {
        throw new RefusedValueException(p, Instant.class, Storable.TIME_MESSAGE);
      }
      return time;
    }
  }
}
