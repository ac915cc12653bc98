package io.outsidein.kit.requestid;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the request id from the caller (or makes one) and returns it on every response. */
public class RequestIdFilter {

  @ServerRequestFilter(preMatching = true)
  public void takeRequestId(ContainerRequestContext request) {
    String id = RequestId.acceptOrGenerate(request.getHeaderString(RequestId.HEADER));
    request.setProperty(RequestId.MDC_KEY, id);
    RequestId.set(id);
  }

  @ServerResponseFilter
  public void returnRequestId(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(RequestId.MDC_KEY);
    if (id != null) {
      response.getHeaders().putSingle(RequestId.HEADER, id);
    }
  }
}
