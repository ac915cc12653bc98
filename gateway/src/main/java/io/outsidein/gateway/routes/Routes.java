package io.outsidein.gateway.routes;

import jakarta.ws.rs.core.UriInfo;

/** Helpers shared by the route classes. */
final class Routes {
  private Routes() {}

  /** The internal path with the caller's query string, as the caller encoded it. */
  static String withQuery(String internalPath, UriInfo uri) {
    String query = uri.getRequestUri().getRawQuery();
    return query == null ? internalPath : internalPath + "?" + query;
  }
}
