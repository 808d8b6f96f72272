package vn.motcua.petition;

import java.time.Instant;

/** One line of a petition's history: what, when, who, in which unit, and the text (a notice's message). */
public record PetitionEvent(String type, Instant at, String actor, String unit, String note) {}
