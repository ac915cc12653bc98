package io.outsidein.gateway.routes;

import jakarta.ws.rs.core.UriInfo;

/** Helpers and shared documentation bits of the route classes. */
final class Routes {
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String UUID_EXAMPLE = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060";

  private Routes() {}

  /** The internal path with the caller's query string, as the caller encoded it. */
  static String withQuery(String internalPath, UriInfo uri) {
    String query = uri.getRequestUri().getRawQuery();
    return query == null ? internalPath : internalPath + "?" + query;
  }
}
