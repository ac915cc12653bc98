package io.outsidein.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document and the code's catalogue must name the same event types. */
class EventCatalogueTest {

  @Test
  void documentsEveryEventTypeInTheAsyncApiCatalogueAndNothingElse() throws IOException {
    JsonNode doc =
        new ObjectMapper(new YAMLFactory())
            .readTree(
                Path.of(System.getProperty("asyncapi.file", "../docs/asyncapi.yaml")).toFile());
    List<String> documented = new ArrayList<>();
    doc.at("/components/messages").forEach(message -> documented.add(message.get("name").asText()));

    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(EventType.values()).map(EventType::typeName).toList());
  }

  @Test
  void documentsEachTypeOnTheChannelOfItsTopic() throws IOException {
    JsonNode doc =
        new ObjectMapper(new YAMLFactory())
            .readTree(
                Path.of(System.getProperty("asyncapi.file", "../docs/asyncapi.yaml")).toFile());
    for (EventType type : EventType.values()) {
      boolean onTopic = false;
      for (JsonNode channel : doc.get("channels")) {
        if (channel.get("address").asText().equals(type.topic())) {
          for (JsonNode ref : channel.get("messages")) {
            String messageName = ref.get("$ref").asText().replace("#/components/messages/", "");
            onTopic |=
                doc.at("/components/messages/" + messageName + "/name")
                    .asText()
                    .equals(type.typeName());
          }
        }
      }
      assertThat(onTopic).as(type + " documented on " + type.topic()).isTrue();
    }
  }

  @Test
  void pointsEachEventsDataSchemaAtItsMessageInTheCatalogue() throws IOException {
    JsonNode doc =
        new ObjectMapper(new YAMLFactory())
            .readTree(
                Path.of(System.getProperty("asyncapi.file", "../docs/asyncapi.yaml")).toFile());
    assertThat(doc.path("id").asText()).isEqualTo(EventType.CATALOGUE);
    for (EventType type : EventType.values()) {
      String schema = type.dataSchema();
      assertThat(schema).startsWith(EventType.CATALOGUE + "#/");
      JsonNode message = doc.at(schema.substring(schema.indexOf('#') + 1));
      assertThat(message.path("name").asText()).as(schema).isEqualTo(type.typeName());
    }
  }
}
