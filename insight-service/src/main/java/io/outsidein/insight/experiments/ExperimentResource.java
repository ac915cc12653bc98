package io.outsidein.insight.experiments;

import io.outsidein.insight.experiments.ExperimentRequests.NewExperiment;
import io.outsidein.kit.actor.Actor;
import io.outsidein.kit.problem.ProblemException;
import io.outsidein.kit.problem.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Experiments as analysts design, start and stop them; the gateway enforces the roles. */
@Path("/experiments")
@Tag(name = "Experiments")
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentResource {
  static final String ACTOR_HEADER = Actor.HEADER;

  private final ExperimentService experiments;
  private final ExperimentResults results;
  private final Clock clock;

  ExperimentResource(ExperimentService experiments, ExperimentResults results, Clock clock) {
    this.experiments = experiments;
    this.results = results;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Design an experiment; it runs from startsAt")
  @APIResponse(responseCode = "201", description = "Recorded; Location names it")
  @APIResponse(
      responseCode = "400",
      description = "Invalid field, two arms of one name, an end before the start",
      content = @Content(mediaType = "application/problem+json"))
  public Response create(
      @Valid @NotNull NewExperiment request,
      @Parameter(description = "The caller, set by the gateway") @HeaderParam(ACTOR_HEADER)
          String actor) {
    Experiment created = experiments.create(request, actor(actor));
    return Response.created(URI.create("/experiments/" + created.id))
        .entity(response(created))
        .build();
  }

  @GET
  @Operation(summary = "Experiments, newest first")
  @APIResponse(responseCode = "200", description = "{items, next}; next is null at the end")
  @APIResponse(
      responseCode = "400",
      description = "A limit outside 1-200 or a corrupt cursor",
      content = @Content(mediaType = "application/problem+json"))
  public ExperimentResponse.Page list(
      @Parameter(description = "1 to 200, default 50") @QueryParam("limit") String limit,
      @Parameter(description = "The `next` of the previous page") @QueryParam("cursor")
          String cursor) {
    int size = QueryParams.limit(limit);
    List<Experiment> rows = experiments.list(size, after(cursor));
    List<Experiment> page = rows.subList(0, Math.min(size, rows.size()));
    return new ExperimentResponse.Page(
        page.stream().map(this::response).toList(),
        rows.size() > size ? page.get(size - 1).id.toString() : null);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "An experiment and where it stands")
  @APIResponse(responseCode = "200", description = "The experiment")
  @APIResponse(
      responseCode = "404",
      description = "No such experiment",
      content = @Content(mediaType = "application/problem+json"))
  public ExperimentResponse get(@PathParam("id") UUID id) {
    return experiments
        .find(id)
        .map(this::response)
        .orElseThrow(() -> ProblemException.notFound("experiment", id));
  }

  @GET
  @Path("/{id}/results")
  @Operation(
      summary = "What the customers in each arm did, and a verdict that stays fair when read daily",
      description =
          "Per arm over the closed outcome windows of its enrolled customers; each treatment arm"
              + " against the control with an always-valid interval and p-value (mSPRT).")
  @APIResponse(responseCode = "200", description = "The results so far")
  @APIResponse(
      responseCode = "404",
      description = "No such experiment",
      content = @Content(mediaType = "application/problem+json"))
  public ExperimentResultsResponse results(@PathParam("id") UUID id) {
    return ExperimentResultsResponse.from(results.of(id), clock.instant());
  }

  @POST
  @Path("/{id}/stop")
  @Operation(summary = "Stop a scheduled or running experiment")
  @APIResponse(responseCode = "200", description = "Stopped, with who stopped it")
  @APIResponse(
      responseCode = "404",
      description = "No such experiment",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(
      responseCode = "409",
      description = "Already stopped or ended",
      content = @Content(mediaType = "application/problem+json"))
  public ExperimentResponse stop(
      @PathParam("id") UUID id,
      @Parameter(description = "The caller, set by the gateway") @HeaderParam(ACTOR_HEADER)
          String actor) {
    return response(experiments.stop(id, actor(actor)));
  }

  private ExperimentResponse response(Experiment e) {
    return ExperimentResponse.from(e, experiments.arms(e), clock.instant());
  }

  /** Ids are time-ordered, so the last id of a page is where the next one starts. */
  private static UUID after(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      return UUID.fromString(cursor);
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid(
          "cursor", "is not a cursor this service gave; start again without it");
    }
  }

  /** The caller the gateway names; "unknown" for a call that bypassed it. */
  private static String actor(String header) {
    String actor = Actor.accept(header);
    return actor == null ? Actor.UNKNOWN : actor;
  }
}
