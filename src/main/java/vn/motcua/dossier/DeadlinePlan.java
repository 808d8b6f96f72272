package vn.motcua.dossier;

import java.time.Instant;

/**
 * The deadlines of a dossier counted from the moment its complete dossier was received: each stage's
 * share of the statutory time and the appointment date printed on the receipt.
 */
public record DeadlinePlan(Instant countingFrom, Instant appraisalDueAt, Instant approvalDueAt, Instant appointmentAt) {}
