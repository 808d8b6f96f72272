package vn.motcua.petition;

import java.time.Instant;

/** A step a unit held (table petition_step); {@code late} once it ended or was escalated after its deadline. */
public record PetitionStepRecord(long id, long petitionId, PetitionStep step, String unit, String taskId,
    Instant startedAt, Instant dueAt, Instant warnedAt, Instant escalatedAt, Instant doneAt, String doneBy,
    Boolean late) {}
