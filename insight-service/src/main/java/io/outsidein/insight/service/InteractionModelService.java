package io.outsidein.insight.service;

import static io.outsidein.insight.service.HistoryLoader.micros;

import io.outsidein.events.interaction.CaseHandedOff;
import io.outsidein.events.interaction.CaseOpened;
import io.outsidein.events.interaction.CaseResolved;
import io.outsidein.events.interaction.GestureDecided;
import io.outsidein.events.interaction.GestureGranted;
import io.outsidein.events.interaction.GestureStatus;
import io.outsidein.events.interaction.InteractionRecorded;
import io.outsidein.insight.domain.CaseHandoff;
import io.outsidein.insight.domain.CaseJourney;
import io.outsidein.insight.domain.GoodwillGesture;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Records touchpoints, cases and gestures from interaction events, then re-scores the customer.
 * Each change is keyed by the event's own ids, so events applied in any order give the same model.
 */
@ApplicationScoped
public class InteractionModelService {
  private final CustomerIds ids;
  private final PendingInsights pending;
  private final TouchpointRecorder recorder;

  InteractionModelService(CustomerIds ids, PendingInsights pending, TouchpointRecorder recorder) {
    this.ids = ids;
    this.pending = pending;
    this.recorder = recorder;
  }

  /** Taken now, stored with the rest of the transaction's interactions by the recorder. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recorded(InteractionRecorded event) {
    recorder.record(event);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void caseOpened(CaseOpened event) {
    ids.live(event.customerId())
        .ifPresent(
            id -> {
              CaseJourney journey = journey(event.caseId(), id);
              journey.openedDepartment = event.department();
              journey.openedAt = micros(event.openedAt());
              touched(id, event.openedAt());
            });
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void handedOff(UUID eventId, CaseHandedOff event) {
    ids.live(event.customerId())
        .ifPresent(
            id -> {
              journey(event.caseId(), id);
              if (CaseHandoff.findById(eventId) == null) {
                CaseHandoff handoff = new CaseHandoff();
                handoff.eventId = eventId;
                handoff.caseId = event.caseId();
                handoff.customerId = id;
                handoff.fromDepartment = event.fromDepartment();
                handoff.toDepartment = event.toDepartment();
                handoff.handedOffAt = micros(event.handedOffAt());
                handoff.persist();
              }
              touched(id, event.handedOffAt());
            });
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void resolved(CaseResolved event) {
    ids.live(event.customerId())
        .ifPresent(
            id -> {
              journey(event.caseId(), id).resolvedAt = micros(event.resolvedAt());
              touched(id, event.resolvedAt());
            });
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void gestureGranted(GestureGranted event) {
    ids.live(event.customerId())
        .ifPresent(
            id -> {
              GoodwillGesture gesture = GoodwillGesture.findById(event.gestureId());
              if (gesture == null) {
                // A decision applied first already set the final status: only a new one takes it.
                gesture = gesture(event.gestureId(), id, event.grantedAt(), event.status());
              }
              gesture.caseId = event.caseId();
              gesture.grantedAt = micros(event.grantedAt());
              if (event.amount() != null) {
                gesture.amount = event.amount().value();
                gesture.currency = event.amount().currency();
              }
              touched(id, event.grantedAt());
            });
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void gestureDecided(GestureDecided event) {
    ids.live(event.customerId())
        .ifPresent(
            id -> {
              GoodwillGesture gesture = GoodwillGesture.findById(event.gestureId());
              if (gesture == null) {
                gesture = gesture(event.gestureId(), id, event.decidedAt(), event.status());
                gesture.caseId = event.caseId();
              }
              gesture.status = event.status();
              touched(id, event.decidedAt());
            });
  }

  private static GoodwillGesture gesture(
      UUID gestureId, UUID customerId, Instant at, GestureStatus status) {
    GoodwillGesture gesture = new GoodwillGesture();
    gesture.gestureId = gestureId;
    gesture.customerId = customerId;
    gesture.grantedAt = micros(at);
    gesture.status = status;
    gesture.persist();
    return gesture;
  }

  private static CaseJourney journey(UUID caseId, UUID customerId) {
    CaseJourney journey = CaseJourney.findById(caseId);
    if (journey == null) {
      journey = new CaseJourney();
      journey.caseId = caseId;
      journey.customerId = customerId;
      journey.persist();
    }
    return journey;
  }

  private void touched(UUID customerId, Instant at) {
    ids.profile(customerId, at);
    pending.add(customerId);
  }
}
