package io.outsidein.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The gateway serves the console: its pages, their safety headers and how people sign in. */
@QuarkusTest
class ConsolePagesTest {

  @Test
  void consoleLeadsToItsPage() {
    given()
        .redirects()
        .follow(false)
        .get("/console")
        .then()
        .statusCode(302)
        .header("Location", "/console/");
  }

  @Test
  void pageAndScriptsAreServedWithHeadersThatKeepOtherScriptsOut() {
    given()
        .get("/console/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Content-Security-Policy", containsString("script-src 'self'"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .body(containsString("<main id=\"main\""));
    given()
        .get("/console/js/app.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"));
    given()
        .get("/webjars/echarts/5.3.1/dist/echarts.min.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"));
  }

  @Test
  void signInOffersTheConfiguredDemoPeopleAndNoProviderByDefault() {
    given()
        .get("/console/config.json")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("demoPeople", hasSize(2))
        .body("demoPeople[0].name", equalTo("Alex Morgan"))
        .body("demoPeople[0].role", equalTo("agent"))
        .body("demoPeople[0].key", equalTo("test-agent-key"))
        .body("oidc", nullValue());
  }

  @Test
  void theApiStaysOutOfTheConsolesHeaders() {
    given()
        .get("/api/v1/customers")
        .then()
        .statusCode(401)
        .header("Content-Security-Policy", nullValue())
        .body(not(containsString("console")));
  }
}
