package vn.motcua.overdue;

import java.time.Instant;

/** A warning, escalation or apology raised by a stage timer of a dossier. */
public record Alert(
    long id,
    long dossierId,
    AlertKind kind,
    String stageKey,
    String stageName,
    String unit,
    String officer,
    Instant dueAt,
    Instant raisedAt,
    AlertStatus status,
    Instant closedAt,
    String processInstanceId) {}
