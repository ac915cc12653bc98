package io.outsidein.gateway.forward;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public answer to a forwarded call, computed once and written either by a JAX-RS resource or
 * straight to Vert.x by {@code routes.ForwardingRouter}, so both ways answer byte for byte alike.
 *
 * @param contentType null when there is no body
 * @param body null when there is none; a service's body is passed on as the buffer it came in
 * @param headers in the order they are sent; a name may repeat
 */
public record PublicAnswer(
    int status, String contentType, Buffer body, List<Map.Entry<String, String>> headers) {

  public PublicAnswer {
    headers = List.copyOf(headers);
  }

  /** The same answer with one more header. */
  PublicAnswer with(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new PublicAnswer(status, contentType, body, more);
  }

  public Response toResponse() {
    Response.ResponseBuilder builder = Response.status(status);
    if (body != null) {
      builder.entity(body.getBytes()).type(contentType);
    }
    headers.forEach(header -> builder.header(header.getKey(), header.getValue()));
    return builder.build();
  }

  /** Writes status, headers and body; the caller adds its own headers first. */
  public void writeTo(HttpServerResponse response) {
    response.setStatusCode(status);
    MultiMap sent = response.headers();
    headers.forEach(header -> sent.add(header.getKey(), header.getValue()));
    if (body == null) {
      response.end();
    } else {
      sent.set("Content-Type", contentType);
      response.end(body);
    }
  }
}
