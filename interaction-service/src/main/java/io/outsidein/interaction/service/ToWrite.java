package io.outsidein.interaction.service;

import io.outsidein.outbox.EventOrigin;

/** A touchpoint to write, with the call it came from (its event names that call). */
record ToWrite(NewInteraction request, EventOrigin origin) {}
