package io.outsidein.gateway.api;

import io.outsidein.events.interaction.Department;
import io.outsidein.events.interaction.GestureStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public shapes of cases and goodwill gestures. */
public final class CaseSchemas {
  private CaseSchemas() {}

  public enum CaseStatus {
    OPEN,
    RESOLVED
  }

  @Schema(name = "NewCase", description = "A case to open for a customer")
  public record NewCase(
      @Schema(required = true) UUID customerId,
      @Schema(required = true, example = "Parcel lost in transit", maxLength = 200) String subject,
      @Schema(required = true) Department department) {}

  @Schema(name = "Handoff", description = "A case moving from one department to another")
  public record Handoff(
      Department fromDepartment,
      @Schema(required = true) Department toDepartment,
      @Schema(example = "Refund needs billing", maxLength = 1000) String note,
      Instant at) {}

  @Schema(name = "Resolution", description = "How a case was resolved")
  public record Resolution(
      @Schema(required = true, example = "Replacement sent", maxLength = 1000) String resolution) {}

  @Schema(name = "Case", description = "One cross-department journey of a customer's problem")
  public record Case(
      @Schema(example = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d") UUID id,
      UUID customerId,
      @Schema(maxLength = 200) String subject,
      CaseStatus status,
      @Schema(description = "Departments in the order the case visited them", maxItems = 50)
          List<Department> departments,
      @Schema(maxItems = 100) List<Handoff> handoffs,
      @Schema(example = "3", minimum = "0", maximum = "100000", format = "int32") int contactCount,
      Instant openedAt,
      @Schema(nullable = true) Instant resolvedAt,
      @Schema(nullable = true, maxLength = 1000) String resolution) {}

  @Schema(name = "CasePage", description = "One page of cases")
  public record CasePage(
      @Schema(maxItems = 200) List<Case> items,
      @Schema(nullable = true, maxLength = 200) String next) {}

  @Schema(name = "NewGesture", description = "A goodwill gesture to grant on a case")
  public record NewGesture(
      @Schema(required = true) Common.Money amount,
      @Schema(required = true, example = "Late delivery", maxLength = 500) String reason) {}

  @Schema(name = "GestureDecision", description = "A supervisor's decision on a pending gesture")
  public record GestureDecision(
      @Schema(required = true, example = "true") boolean approve,
      @Schema(example = "Long-standing customer", maxLength = 500) String note) {}

  @Schema(
      name = "Gesture",
      description = "APPROVED at once within the latitude, otherwise PENDING_APPROVAL")
  public record Gesture(
      @Schema(example = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a") UUID id,
      UUID caseId,
      UUID customerId,
      Common.Money amount,
      @Schema(maxLength = 500) String reason,
      GestureStatus status,
      @Schema(example = "front-desk", maxLength = 100) String grantedBy,
      @Schema(nullable = true, maxLength = 100) String decidedBy,
      @Schema(nullable = true, maxLength = 500) String note,
      Instant createdAt,
      @Schema(nullable = true) Instant decidedAt) {}

  @Schema(name = "GesturePage", description = "One page of gestures")
  public record GesturePage(
      @Schema(maxItems = 200) List<Gesture> items,
      @Schema(nullable = true, maxLength = 200) String next) {}
}
