package vn.motcua.accesslog;

import java.time.Instant;

/** One read of a dossier's personal data: who (id, name, unit), when, which dossier, through which screen. */
public record AccessEntry(long id, Long dossierId, String dossierCode, String officer, String officerName, String unit,
    Screen screen, String detail, Instant accessedAt) {}
