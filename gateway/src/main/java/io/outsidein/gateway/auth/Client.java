package io.outsidein.gateway.auth;

/** A caller known by its API key: its name (sent to the services as X-Actor) and its role. */
public record Client(String name, Role role, String keyHash) {}
