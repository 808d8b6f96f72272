package vn.motcua.overdue;

import java.time.Instant;

/**
 * A stage of a dossier as a timer sees it: the activity the timer is attached to, the unit and officer
 * that hold the dossier there, and the stage deadline.
 *
 * @param key the activity id in the model, e.g. {@code Task_Appraise}
 * @param name the activity's Vietnamese name
 * @param unit the agency key of the unit that holds the dossier
 * @param group the candidate group of the stage's task, or {@code null}
 * @param officer the officer the task is assigned to, or {@code null}
 * @param taskId the open task of the stage, or {@code null} when the stage is not a user task
 * @param dueAt the stage deadline
 */
public record Stage(String key, String name, String unit, String group, String officer, String taskId,
    Instant dueAt) {}
