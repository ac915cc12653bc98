package io.outsidein.events.experiment;

import io.outsidein.events.interaction.ActionCode;
import java.util.Map;

/**
 * One arm of an experiment: its name, its relative weight, and its treatment: a next best action to
 * recommend, a goodwill latitude per ISO 4217 currency (amounts as decimal strings, like money
 * values), or neither (a control arm).
 */
public record ExperimentArm(
    String name, int weight, ActionCode action, Map<String, String> latitude) {}
