package io.outsidein.interaction.service;

import java.util.UUID;

/** The customer a record belongs to: the survivor when the given id was merged. */
public record ResolvedCustomer(UUID id, String segment) {}
