package io.outsidein.interaction.service;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import java.time.Instant;

/** Optional filters of a customer's timeline; from is inclusive, to exclusive. */
public record TimelineFilter(
    Instant from, Instant to, Department department, Channel channel, InteractionType type) {}
