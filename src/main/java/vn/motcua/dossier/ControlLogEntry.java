package vn.motcua.dossier;

import java.time.Instant;

/** One row of the processing-control slip (phiếu kiểm soát, form 05): a handoff and its result. */
public record ControlLogEntry(
    long id,
    String stepKey,
    String stepName,
    String taskId,
    String fromUnit,
    String fromOfficer,
    String toUnit,
    String toOfficer,
    Instant handedAt,
    Instant stageDueAt,
    Instant doneAt,
    String doneBy,
    OutcomeClass resultClass,
    String outcome,
    String note,
    Instant overdueAt) {}
