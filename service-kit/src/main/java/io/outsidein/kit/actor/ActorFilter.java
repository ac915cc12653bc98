package io.outsidein.kit.actor;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Takes the actor from X-Actor for the call being served, and forgets the previous call's actor
 * when a caller names none. The services trust the header because only the gateway reaches them;
 * the gateway itself, which names the actor from the caller's credentials, builds without this
 * filter ({@code outsidein.actor.from-header=false}).
 */
@IfBuildProperty(name = "outsidein.actor.from-header", stringValue = "true", enableIfMissing = true)
public class ActorFilter {

  @ServerRequestFilter(preMatching = true)
  public void takeActor(ContainerRequestContext request) {
    Actor.set(Actor.accept(request.getHeaderString(Actor.HEADER)));
  }
}
