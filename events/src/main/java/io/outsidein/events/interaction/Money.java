package io.outsidein.events.interaction;

import java.math.BigDecimal;

/** An amount as a decimal (written as a string) with its ISO 4217 currency. */
public record Money(
    @com.fasterxml.jackson.annotation.JsonFormat(
            shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING)
        BigDecimal value,
    String currency) {}
