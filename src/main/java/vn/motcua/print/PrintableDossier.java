package vn.motcua.print;

import java.util.List;
import java.util.function.Function;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.overdue.ApologyLetter;

/**
 * Everything the slips print about one dossier, read once: the record, its documents, control log,
 * events and apology letters, how to name units and officers, and the lookup PIN printed on the receipt
 * (the second factor of the citizens' status page).
 */
public record PrintableDossier(
    Dossier dossier,
    List<DossierDocument> documents,
    List<ControlLogEntry> controlLog,
    List<DossierEvent> events,
    List<ApologyLetter> apologies,
    Function<String, String> unitName,
    Function<String, String> officerName,
    String lookupPin) {}
