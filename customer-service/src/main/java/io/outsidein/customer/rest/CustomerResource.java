package io.outsidein.customer.rest;

import io.outsidein.customer.domain.Customer;
import io.outsidein.customer.service.CustomerService;
import io.outsidein.kit.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {
  private final CustomerService customers;

  CustomerResource(CustomerService customers) {
    this.customers = customers;
  }

  @POST
  @Operation(summary = "Register a customer")
  public Response register(@Valid @NotNull CreateCustomerRequest request) {
    Customer customer = customers.register(request.toNewCustomer());
    return Response.created(URI.create("/customers/" + customer.id))
        .tag(etag(customer))
        .entity(CustomerResponse.from(customer))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read a customer")
  public Response get(@PathParam("id") UUID id) {
    return customers
        .find(id)
        .map(c -> Response.ok(CustomerResponse.from(c)).tag(etag(c)).build())
        .orElseThrow(() -> ProblemException.notFound("customer", id));
  }

  static EntityTag etag(Customer customer) {
    return new EntityTag(Long.toString(customer.version));
  }
}
