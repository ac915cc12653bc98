package io.outsidein.interaction.client;

import io.outsidein.kit.requestid.RequestId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-service, asked about a customer this service has not yet heard of from events. */
@RegisterRestClient(configKey = "customer-service")
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = RequestId.HEADER, value = "{requestId}")
public interface CustomerServiceClient {

  /** 200 with the customer; 404 unknown and 410 erased arrive as WebApplicationException. */
  @GET
  @Path("/{id}")
  CustomerView get(@PathParam("id") UUID id);

  default String requestId() {
    return RequestId.acceptOrGenerate(RequestId.current());
  }
}
