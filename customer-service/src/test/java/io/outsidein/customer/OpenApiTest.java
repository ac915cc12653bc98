package io.outsidein.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every operation with its error statuses and examples. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiTest {

  @Test
  void describesEveryOperationWithItsErrorStatuses() {
    JsonPath doc =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(responses(doc, "/customers", "post"))
        .containsKeys("201", "400", "409", "413", "422");
    assertThat(responses(doc, "/customers", "get")).containsKeys("200", "400");
    assertThat(responses(doc, "/customers/{id}", "get")).containsKeys("200", "404", "410");
    assertThat(responses(doc, "/customers/{id}", "patch"))
        .containsKeys("200", "400", "404", "409", "410", "412", "428");
    assertThat(responses(doc, "/customers/{id}", "delete")).containsKeys("204", "404");
    assertThat(responses(doc, "/customers/{id}/merge", "post"))
        .containsKeys("200", "400", "404", "409");
    assertThat(
            doc.getMap("paths.'/customers'.post.requestBody.content.'application/json'.examples"))
        .isNotEmpty();
  }

  private static Map<String, Object> responses(JsonPath doc, String path, String method) {
    return doc.getMap("paths.'" + path + "'." + method + ".responses");
  }
}
