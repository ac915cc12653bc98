package io.outsidein.demo;

import static io.outsidein.demo.DemoLoader.politely;

import io.outsidein.client.OutsideIn;
import io.outsidein.client.model.ActionCode;
import io.outsidein.client.model.Channel;
import io.outsidein.client.model.ChurnRisk;
import io.outsidein.client.model.CustomerExperiment;
import io.outsidein.client.model.Department;
import io.outsidein.client.model.Experiment;
import io.outsidein.client.model.ExperimentArm;
import io.outsidein.client.model.ExperimentOutcome;
import io.outsidein.client.model.ExperimentPopulation;
import io.outsidein.client.model.ExperimentTreatment;
import io.outsidein.client.model.Gesture;
import io.outsidein.client.model.GestureDecision;
import io.outsidein.client.model.GestureStatus;
import io.outsidein.client.model.GrantGesture;
import io.outsidein.client.model.GrantGestureAmount;
import io.outsidein.client.model.InteractionType;
import io.outsidein.client.model.NewCase;
import io.outsidein.client.model.NewExperiment;
import io.outsidein.client.model.NewInteraction;
import io.outsidein.client.model.RecordAction;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Plants the test-and-learn story on a loaded population, through the public API, so that the
 * analyst's questions have answers once the outcome windows close:
 *
 * <ul>
 *   <li>in segment {@value #GESTURE_SEGMENT}, every other frustrated customer who got no gesture at
 *       load complains again and is given a gesture at once; 85 in 100 of them come back, while 60
 *       in 100 of the others cancel: GET /insights/actions?segment=smb&amp;from={gesturesFrom}
 *       shows the story's gestures retaining far more than their comparison group (customers of the
 *       segment at the same risk on whom nobody acted);
 *   <li>an experiment, "Call back silent customers" (customers at medium risk or above who went
 *       silent after a bad experience, as the demo's silent churners do; control against a call
 *       back), runs: the front line calls back the customers of the call-back arm and 60 in 100
 *       come back, while 15 in 100 of the control come back on their own: GET
 *       /experiments/{id}/results finds the call back better.
 * </ul>
 *
 * Shares are exact quotas, not draws, so the same population always tells the same story.
 */
public final class DemoStory {
  static final String GESTURE_SEGMENT = "smb";
  static final String EXPERIMENT_NAME = "Call back silent customers";
  private static final Duration ENROLMENT_WAIT = Duration.ofMinutes(3);

  private final OutsideIn api;
  private final Consumer<String> progress;

  public DemoStory(OutsideIn api, Consumer<String> progress) {
    this.api = api;
    this.progress = progress;
  }

  /** What was planted. */
  public record Result(
      Instant gesturesFrom,
      int gestureCustomers,
      int cameBackAfterGesture,
      int withoutGesture,
      int cancelledWithoutGesture,
      UUID experimentId,
      int calledBack,
      int cameBackAfterCall,
      int control,
      int cameBackInControl) {}

  public Result plant(DemoLoader.Result loaded) {
    // The gestures of the story are told apart from the load's by the time they were granted.
    Instant gesturesFrom = Instant.now();
    List<UUID> frustrated = new ArrayList<>();
    for (DemoLoader.Loaded c : loaded.loaded()) {
      if (c.persona() == Persona.FRUSTRATED
          && c.segment().equals(GESTURE_SEGMENT)
          && !c.gestureApproved()) {
        frustrated.add(c.id());
      }
    }
    // Every other one complains again and is given a gesture at once; the rest are not.
    List<UUID> gestured = new ArrayList<>();
    List<UUID> without = new ArrayList<>();
    for (int i = 0; i < frustrated.size(); i++) {
      (i % 2 == 0 ? gestured : without).add(frustrated.get(i));
    }
    gestured.forEach(this::complaintWithGesture);
    int cameBack = quota(gestured.size(), 85);
    gestured.subList(0, cameBack).forEach(c -> touch(c, InteractionType.PURCHASE));
    int cancelled = quota(without.size(), 60);
    without.subList(0, cancelled).forEach(c -> touch(c, InteractionType.CANCELLATION));
    progress.accept(
        "story: "
            + cameBack
            + " of "
            + gestured.size()
            + " frustrated "
            + GESTURE_SEGMENT
            + " customers came back after a gesture; "
            + cancelled
            + " of "
            + without.size()
            + " without one cancelled");

    Experiment experiment = politely(() -> api.experiments().designExperiment(callBack()));
    progress.accept("story: experiment " + experiment.getId() + " designed; waiting for enrolment");
    awaitEnrolment(experiment.getId());
    List<UUID> treated = new ArrayList<>();
    List<UUID> control = new ArrayList<>();
    for (DemoLoader.Loaded c : loaded.loaded()) {
      arm(c.id(), experiment.getId())
          .ifPresent(arm -> (arm.equals("callBack") ? treated : control).add(c.id()));
    }
    int called = quota(treated.size(), 60);
    for (UUID c : treated) {
      politely(
          () ->
              api.actions()
                  .recordAction(
                      c,
                      new RecordAction().code(ActionCode.PROACTIVE_OUTREACH).note("Called back")));
    }
    treated.subList(0, called).forEach(c -> touch(c, InteractionType.VISIT));
    int onTheirOwn = quota(control.size(), 15);
    control.subList(0, onTheirOwn).forEach(c -> touch(c, InteractionType.VISIT));
    progress.accept(
        "story: called back "
            + treated.size()
            + " (of whom "
            + called
            + " came back), control "
            + control.size()
            + " (of whom "
            + onTheirOwn
            + " came back on their own)");
    return new Result(
        gesturesFrom,
        gestured.size(),
        cameBack,
        without.size(),
        cancelled,
        experiment.getId(),
        treated.size(),
        called,
        control.size(),
        onTheirOwn);
  }

  static NewExperiment callBack() {
    return new NewExperiment()
        .name(EXPERIMENT_NAME)
        .hypothesis("A call from us brings silent customers back more often than waiting")
        .population(
            new ExperimentPopulation()
                .minRisk(ChurnRisk.MEDIUM)
                .reasonCode("SILENT_AFTER_BAD_EXPERIENCE"))
        .arms(
            List.of(
                new ExperimentArm().name("control").weight(1),
                new ExperimentArm()
                    .name("callBack")
                    .weight(1)
                    .treatment(new ExperimentTreatment().action(ActionCode.PROACTIVE_OUTREACH))))
        .outcome(ExperimentOutcome.RETAINED)
        .startsAt(OffsetDateTime.now());
  }

  /**
   * Waits until insight-service's enrolment round has enrolled the population: the results count
   * someone, and the same number two seconds later.
   */
  private void awaitEnrolment(UUID experiment) {
    Instant deadline = Instant.now().plus(ENROLMENT_WAIT);
    int before = -1;
    while (Instant.now().isBefore(deadline)) {
      pause();
      int enrolled =
          politely(() -> api.experiments().getExperimentResults(experiment)).getArms().stream()
              .mapToInt(arm -> arm.getCustomers())
              .sum();
      if (enrolled > 0 && enrolled == before) {
        return;
      }
      before = enrolled;
    }
    throw new IllegalStateException(
        "nobody was enrolled in " + experiment + " within " + ENROLMENT_WAIT);
  }

  /** The customer's arm in the experiment, when they are enrolled. */
  private Optional<String> arm(UUID customer, UUID experiment) {
    return politely(() -> api.insights().getCustomerInsights(customer)).getExperiments().stream()
        .filter(e -> e.getExperimentId().equals(experiment))
        .map(CustomerExperiment::getArm)
        .findFirst();
  }

  /** A complaint, its case, and a gesture within the latitude, approved. */
  private void complaintWithGesture(UUID customer) {
    touch(customer, InteractionType.COMPLAINT);
    UUID caseId =
        politely(
                () ->
                    api.cases()
                        .openCase(
                            new NewCase()
                                .customerId(customer)
                                .subject("Still waiting for the refund")
                                .department(Department.SUPPORT)))
            .getId();
    Gesture gesture =
        politely(
            () ->
                api.gestures()
                    .grantGesture(
                        caseId,
                        new GrantGesture()
                            .amount(new GrantGestureAmount().value("20.00").currency("EUR"))
                            .reason("Sorry for the wait")));
    // The loader's key has spent its month on the load's gestures: a supervisor approves.
    if (gesture.getStatus() == GestureStatus.PENDING_APPROVAL) {
      politely(
          () ->
              api.gestures()
                  .decideGesture(
                      gesture.getId(), new GestureDecision().approve(true).note("Fair")));
    }
  }

  private void touch(UUID customer, InteractionType type) {
    politely(
        () ->
            api.interactions()
                .recordInteraction(
                    new NewInteraction()
                        .customerId(customer)
                        .channel(Channel.WEB)
                        .department(Department.SALES)
                        .type(type)
                        .summary("Planted by the demo story"),
                    null));
  }

  /** {@code percent} of {@code n}, rounded to the nearest whole customer. */
  static int quota(int n, int percent) {
    return (int) Math.round(n * percent / 100.0);
  }

  private static void pause() {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
