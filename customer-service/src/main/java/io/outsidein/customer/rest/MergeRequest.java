package io.outsidein.customer.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "MergeCustomers",
    description = "The duplicate to fold into the customer of the path")
public record MergeRequest(
    @Schema(example = "0b6d4c1e-2f3a-4b5c-8d9e-aabbccddeeff") @NotNull UUID duplicateId) {}
