package vn.motcua.dossier;

import java.time.Instant;

/** Something that happened to a dossier, with who, when and why. */
public record DossierEvent(long id, String type, Instant occurredAt, String actor, String reason, String details) {}
