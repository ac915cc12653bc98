package io.outsidein.interaction.service;

import io.outsidein.events.interaction.Channel;
import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.InteractionType;
import io.outsidein.events.interaction.Money;
import io.outsidein.events.interaction.Rating;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What a caller gives to record a touchpoint, already validated; occurredAt null means now. */
public record NewInteraction(
    UUID customerId,
    Instant occurredAt,
    Channel channel,
    Department department,
    InteractionType type,
    String summary,
    UUID caseId,
    Rating rating,
    Double sentiment,
    Money amount,
    String externalId,
    Map<String, Object> attributes) {}
