package io.outsidein.insight.experiments;

import io.outsidein.events.interaction.ActionCode;
import io.outsidein.insight.experiments.CustomerExperiments.Participation;
import io.outsidein.insight.experiments.ExperimentRequests.Arm;
import io.outsidein.insight.scoring.Insight;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The next best actions as the front line sees them: the scorer's, then the experiments' arms
 * applied, then what was already done taken away. An arm that recommends an action puts it first;
 * every other arm of that experiment (the control) does not recommend it, even where the scorer
 * would, or the comparison would measure the front line's habits instead of the action. An action
 * recorded for the customer within the outcome window is not recommended again.
 */
public final class ArmRecommendations {
  private static final Map<ActionCode, String> WHAT = new EnumMap<>(ActionCode.class);

  static {
    WHAT.put(ActionCode.ASSIGN_SINGLE_OWNER, "give the customer's open case one owner");
    WHAT.put(ActionCode.GOODWILL_GESTURE, "offer a goodwill gesture within the latitude");
    WHAT.put(ActionCode.PROACTIVE_OUTREACH, "call or write to the customer before they ask");
    WHAT.put(ActionCode.ASK_FOR_FEEDBACK, "ask how the latest resolved case went");
    WHAT.put(ActionCode.THANK_PROMOTER, "thank the customer for recommending us");
  }

  /** One recommendation; {@code experimentId} and {@code arm} when an arm made it. */
  public record Recommendation(String code, String detail, UUID experimentId, String arm) {}

  private ArmRecommendations() {}

  public static List<Recommendation> apply(
      List<Insight.Action> scored, List<Participation> in, Collection<String> done) {
    List<Recommendation> fromArms = new ArrayList<>();
    Set<String> withheld = new HashSet<>();
    Set<String> recommended = new HashSet<>();
    for (Participation p : in) {
      ActionCode own = action(p.arm());
      for (Arm other : p.arms()) {
        ActionCode tested = action(other);
        if (tested != null && tested != own) {
          withheld.add(tested.name());
        }
      }
      if (own != null && recommended.add(own.name())) {
        fromArms.add(
            // The experiment and arm are fields of their own; the detail says what to do.
            new Recommendation(own.name(), WHAT.get(own), p.experiment().id, p.arm().name()));
      }
    }
    List<Recommendation> result = new ArrayList<>();
    for (Recommendation r : fromArms) {
      if (!done.contains(r.code())) {
        result.add(r);
      }
    }
    for (Insight.Action action : scored) {
      String code = action.code();
      boolean armDecides = recommended.contains(code) || withheld.contains(code);
      if (!armDecides && !done.contains(code)) {
        result.add(new Recommendation(code, action.detail(), null, null));
      }
    }
    return result;
  }

  private static ActionCode action(Arm arm) {
    return arm.treatment() == null ? null : arm.treatment().action();
  }
}
