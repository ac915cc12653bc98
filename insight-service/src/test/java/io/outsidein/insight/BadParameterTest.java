package io.outsidein.insight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.outsidein.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A bad query parameter is a 400 problem naming it, never a 404 or a 500. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadParameterTest {

  private static void refused(String parameter, String value) {
    given()
        .queryParam(parameter, value)
        .when()
        .get("/insights/at-risk")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors[0].field", equalTo(parameter))
        .body("detail", containsString(parameter));
  }

  @Test
  void refusesALimitThatIsNotAWholeNumberFrom1To200() {
    refused("limit", "abc");
    refused("limit", "1.5");
    refused("limit", "0");
    refused("limit", "-1");
    refused("limit", "99999999999");
  }

  @Test
  void refusesTextThatPostgresqlCannotStore() {
    refused("segment", "smb\u0000");
    refused("minRisk", "\u0000");
    refused("cursor", "\uD800");
  }

  @Test
  void refusesASegmentThatIsNotASlugAnUnknownRiskAndACorruptCursor() {
    refused("segment", "Not a slug!");
    refused("minRisk", "EXTREME");
    refused("cursor", "not-a-cursor!");
  }

  @Test
  void stillAnswersAGoodRequestAfterTheBadOnes() {
    refused("limit", "abc");
    given().queryParam("limit", "5").get("/insights/at-risk").then().statusCode(200);
  }
}
