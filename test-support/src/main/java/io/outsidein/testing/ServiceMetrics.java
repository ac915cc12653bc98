package io.outsidein.testing;

import static io.restassured.RestAssured.given;

import io.outsidein.prometheus.Scrape;

/** What a service under test shows at {@code /q/metrics}, read through REST Assured. */
public final class ServiceMetrics {
  private ServiceMetrics() {}

  /** The service REST Assured points at (the Quarkus test's own). */
  public static Scrape scrape() {
    return Scrape.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
  }

  /** A service running as its own process. */
  public static Scrape scrape(String serviceUrl) {
    return Scrape.parse(
        given().baseUri(serviceUrl).get("/q/metrics").then().statusCode(200).extract().asString());
  }
}
