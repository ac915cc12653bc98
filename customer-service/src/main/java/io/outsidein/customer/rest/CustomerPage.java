package io.outsidein.customer.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerPage", description = "One page of a search; next is null on the last page")
public record CustomerPage(
    List<CustomerResponse> items,
    @Schema(example = "NmYxYzJkNGUtOGEwYi00YzVkLTllN2YtMTAyMDMwNDA1MDYw", nullable = true)
        String next) {}
