package io.outsidein.insight.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.outsidein.events.interaction.ActionCode;
import io.outsidein.insight.experiments.CustomerExperiments.Participation;
import io.outsidein.insight.experiments.ExperimentRequests.Arm;
import io.outsidein.insight.experiments.ExperimentRequests.Treatment;
import io.outsidein.insight.scoring.Insight;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArmRecommendationsTest {
  private static final Arm CONTROL = new Arm("control", 1, null);
  private static final Arm CALL_BACK =
      new Arm("callBack", 1, new Treatment(ActionCode.PROACTIVE_OUTREACH, null));
  private static final List<Insight.Action> SCORED =
      List.of(
          new Insight.Action("PROACTIVE_OUTREACH", "silent for 40 days"),
          new Insight.Action("ASK_FOR_FEEDBACK", "ask about case 1"));

  private static Participation in(Arm arm) {
    Experiment e = new Experiment();
    e.id = UUID.randomUUID();
    e.name = "Call back";
    return new Participation(e, List.of(CONTROL, CALL_BACK), arm, Instant.EPOCH);
  }

  @Test
  void theTreatmentArmRecommendsItsActionFirstNamingTheExperiment() {
    Participation p = in(CALL_BACK);
    List<ArmRecommendations.Recommendation> r =
        ArmRecommendations.apply(SCORED, List.of(p), List.of());
    assertThat(r)
        .extracting(ArmRecommendations.Recommendation::code)
        .containsExactly("PROACTIVE_OUTREACH", "ASK_FOR_FEEDBACK");
    assertThat(r.get(0).experimentId()).isEqualTo(p.experiment().id);
    assertThat(r.get(0).arm()).isEqualTo("callBack");
    assertThat(r.get(0).detail()).isEqualTo("call or write to the customer before they ask");
  }

  @Test
  void theControlArmDoesNotRecommendTheTestedActionEvenWhereTheScorerWould() {
    List<ArmRecommendations.Recommendation> r =
        ArmRecommendations.apply(SCORED, List.of(in(CONTROL)), List.of());
    assertThat(r)
        .extracting(ArmRecommendations.Recommendation::code)
        .containsExactly("ASK_FOR_FEEDBACK");
  }

  @Test
  void anActionAlreadyTakenIsNotRecommendedAgain() {
    assertThat(ArmRecommendations.apply(SCORED, List.of(), List.of("ASK_FOR_FEEDBACK")))
        .extracting(ArmRecommendations.Recommendation::code)
        .containsExactly("PROACTIVE_OUTREACH");
    assertThat(
            ArmRecommendations.apply(SCORED, List.of(in(CALL_BACK)), List.of("PROACTIVE_OUTREACH")))
        .extracting(ArmRecommendations.Recommendation::code)
        .containsExactly("ASK_FOR_FEEDBACK");
  }

  @Test
  void outsideEveryExperimentTheScorersActionsStand() {
    assertThat(ArmRecommendations.apply(SCORED, List.of(), List.of()))
        .extracting(ArmRecommendations.Recommendation::detail)
        .containsExactly("silent for 40 days", "ask about case 1");
  }
}
