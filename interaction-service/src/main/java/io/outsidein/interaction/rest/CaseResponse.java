package io.outsidein.interaction.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.outsidein.events.interaction.Department;
import io.outsidein.interaction.domain.CaseHandoff;
import io.outsidein.interaction.domain.CaseStatus;
import io.outsidein.interaction.domain.SupportCase;
import io.outsidein.interaction.service.CaseDetails;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Case", description = "One problem's journey across departments")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResponse(
    @Schema(example = "0b7e2f40-1c8d-4f5e-a9b0-c1d2e3f40516") UUID id,
    @Schema(example = "6f1c2d4e-8a0b-4c5d-9e7f-102030405060") UUID customerId,
    @Schema(example = "Damaged parcel, refund requested") String subject,
    @Schema(description = "The owning department, where the case was opened") Department department,
    @Schema(description = "Where the case is now") Department currentDepartment,
    CaseStatus status,
    @Schema(
            description = "The departments in the order they were involved, the owner first",
            example = "[\"SUPPORT\", \"DELIVERY\", \"BILLING\"]")
        List<Department> departments,
    List<Handoff> handoffs,
    @Schema(example = "3", description = "Interactions recorded with this caseId")
        long contactCount,
    @Schema(example = "2025-03-01T10:15:30Z") Instant openedAt,
    @Schema(example = "front-desk-app", description = "Who opened it") String openedBy,
    @Schema(example = "2025-03-02T16:00:00Z") Instant resolvedAt,
    @Schema(example = "Refund of the shipping cost") String resolution,
    @Schema(example = "billing-desk", description = "Who resolved it") String resolvedBy) {

  @Schema(name = "Handoff")
  public record Handoff(
      Department from,
      Department to,
      @Schema(example = "Refund needs billing") String note,
      Instant handedOffAt,
      @Schema(example = "front-desk-app") String handedOffBy) {
    static Handoff from(CaseHandoff h) {
      return new Handoff(h.fromDepartment, h.toDepartment, h.note, h.handedOffAt, h.handedOffBy);
    }
  }

  static CaseResponse from(CaseDetails details) {
    SupportCase c = details.supportCase();
    return new CaseResponse(
        c.id,
        c.customerId,
        c.subject,
        c.department,
        c.currentDepartment,
        c.status,
        details.departments(),
        details.handoffs().stream().map(Handoff::from).toList(),
        details.contactCount(),
        c.openedAt,
        c.openedBy,
        c.resolvedAt,
        c.resolution,
        c.resolvedBy);
  }
}
