package io.outsidein.interaction.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** The little this service needs of customer-service's answer; the personal fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerView(UUID id, String status, String segment, UUID mergedInto) {}
