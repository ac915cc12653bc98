package io.outsidein.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.outsidein.kit.problem.JsonProblemMapper;
import io.outsidein.kit.problem.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  private final ObjectMapper json =
      StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

  record Body(
      String name,
      Boolean approve,
      Integer score,
      Instant at,
      Map<String, Object> attributes,
      List<Inner> items) {}

  record Inner(String note) {}

  private Problem.FieldError refusal(String body) {
    JsonMappingException e =
        catchThrowableOfType(JsonMappingException.class, () -> json.readValue(body, Body.class));
    assertThat(e).as(body).isNotNull();
    return JsonProblemMapper.fieldError(e);
  }

  @Test
  void readsAWellTypedBody() throws JsonProcessingException {
    Body body =
        json.readValue(
            "{\"name\":\"Ada \uD83D\uDE00\",\"approve\":true,\"score\":9,\"at\":\"2025-03-01T10:15:30Z\","
                + "\"attributes\":{\"tier\":\"gold\",\"n\":3},\"items\":[{\"note\":\"x\"}]}",
            Body.class);
    assertThat(body.name()).isEqualTo("Ada \uD83D\uDE00");
    assertThat(body.at()).isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
  }

  @Test
  void refusesValuesOfTheWrongJsonType() {
    assertThat(refusal("{\"name\":7}").field()).isEqualTo("name");
    assertThat(refusal("{\"approve\":1}").field()).isEqualTo("approve");
    assertThat(refusal("{\"approve\":\"true\"}").field()).isEqualTo("approve");
    assertThat(refusal("{\"score\":\"9\"}").field()).isEqualTo("score");
    assertThat(refusal("{\"score\":9.5}").field()).isEqualTo("score");
    assertThat(refusal("{\"at\":7}"))
        .isEqualTo(new Problem.FieldError("at", StrictJson.TIME_FORMAT));
  }

  @Test
  void refusesTextTheDatabaseCannotStore() {
    assertThat(refusal("{\"name\":\"a\\u0000b\"}").field()).isEqualTo("name");
    assertThat(refusal("{\"name\":\"a\\ud800b\"}").field()).isEqualTo("name");
    assertThat(refusal("{\"items\":[{\"note\":\"\\u0000\"}]}").field()).isEqualTo("items[0].note");
    assertThat(refusal("{\"attributes\":{\"tier\":\"\\u0000\"}}").field())
        .isEqualTo("attributes.tier");
    assertThat(refusal("{\"attributes\":{\"t\\u0000\":\"gold\"}}").field())
        .startsWith("attributes");
  }

  @Test
  void refusesTimesOutsideTheYears1900To9999() {
    assertThat(refusal("{\"at\":\"-999999999-01-01T00:00:00Z\"}").message())
        .contains("1900 to 9999");
    assertThat(refusal("{\"at\":\"1899-12-31T23:59:59Z\"}").field()).isEqualTo("at");
    assertThat(refusal("{\"at\":\"+10000-01-01T00:00:00Z\"}").field()).isEqualTo("at");
  }

  @Test
  void namesAKeyGivenTwice() {
    JsonProcessingException e =
        catchThrowableOfType(
            JsonProcessingException.class,
            () -> json.readValue("{\"items\":[{\"note\":\"a\",\"note\":\"b\"}]}", Body.class));
    assertThat(JsonProblemMapper.duplicateKey(e))
        .contains(new Problem.FieldError("items[0].note", "is given more than once"));
  }
}
