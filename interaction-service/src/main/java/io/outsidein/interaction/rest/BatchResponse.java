package io.outsidein.interaction.rest;

import io.outsidein.interaction.service.ItemResult;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InteractionBatchResult", description = "One result per item, in the items' order")
public record BatchResponse(List<ItemResult> results) {}
