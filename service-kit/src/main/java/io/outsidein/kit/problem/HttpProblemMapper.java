package io.outsidein.kit.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The framework's own HTTP errors (unknown route, wrong method, media type) as problems. */
public class HttpProblemMapper {

  @ServerExceptionMapper
  public Response map(WebApplicationException e, UriInfo uri) {
    Response original = e.getResponse();
    if (original.hasEntity()) {
      return original;
    }
    if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
      return JsonProblemMapper.problem(json, uri);
    }
    int status = original.getStatus();
    if (status >= 500) {
      return UnexpectedProblemMapper.internalError(uri);
    }
    String title = original.getStatusInfo().getReasonPhrase();
    String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-');
    return Problems.response(status, slug, title, detail(status, uri), uri);
  }

  private static String detail(int status, UriInfo uri) {
    return switch (status) {
      case 404 -> "no resource at " + uri.getPath();
      case 405 -> "this method is not allowed on " + uri.getPath();
      case 406 -> "the requested media type cannot be produced";
      case 415 -> "the request's content type is not supported here";
      default -> null;
    };
  }
}
