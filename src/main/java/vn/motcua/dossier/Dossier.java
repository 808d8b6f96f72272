package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.security.DossierAccess;

/**
 * A dossier (hồ sơ) as recorded in the project's own tables. The statistics fields at the end are kept
 * for the reports: working days late, when and where it first ran late, how many stages ran late.
 */
public record Dossier(
    long id,
    String code,
    String procedureKey,
    String procedureCode,
    String procedureName,
    String receivingUnit,
    String competentUnit,
    Channel channel,
    Applicant applicant,
    String requestSummary,
    DossierStatus status,
    String stage,
    String currentUnit,
    String currentOfficer,
    int statutoryDays,
    Instant receivedAt,
    Instant countingFrom,
    Instant appointmentAt,
    Instant originalAppointmentAt,
    Instant pausedAt,
    int supplementCount,
    int apologyCount,
    String decision,
    String result,
    Instant resolvedAt,
    Instant returnedAt,
    String deliveryMethod,
    OutcomeClass outcome,
    Integer workingHoursLate,
    String responsibleUnit,
    Integer rating,
    String ratingComment,
    String processInstanceId,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Integer workingDaysLate,
    Instant overdueAt,
    String overdueUnit,
    int lateStageCount) implements DossierAccess.DossierUnits {}
